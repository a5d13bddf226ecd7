// Jest testResultsProcessor used by infra/bin/test.sh: each project's Jest run writes its
// totals to .data/test-results/<project>.json, and infra/jest/summarize.js adds them up, because
// `nx run-many` only reports which projects failed, not how many tests ran.
const fs = require('fs');
const path = require('path');

module.exports = function writeTotals(results) {
  const dir = process.env.TEST_RESULTS_DIR || path.resolve(__dirname, '../../.data/test-results');
  // Nx puts the task's project in the environment of the process that runs its executor.
  const project = process.env.NX_TASK_TARGET_PROJECT || `jest-${process.pid}`;
  const failedToRun = results.testResults
    .filter((r) => r.testExecError || (r.failureMessage && r.numFailingTests === 0))
    .map((r) => path.relative(process.cwd(), r.testFilePath));
  const totals = {
    project,
    success: results.success,
    passed: results.numPassedTests,
    failed: results.numFailedTests,
    skipped: results.numPendingTests + results.numTodoTests,
    suites: results.numTotalTestSuites,
    failedSuites: results.numFailedTestSuites,
    failedToRun,
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${project}.json`), JSON.stringify(totals, null, 2));
  } catch (err) {
    // A summary line is a convenience; never fail the test run over it.
    process.stderr.write(`[test-results] could not write totals: ${err.message}\n`);
  }
  return results;
};
