// Jest testResultsProcessor used by infra/bin/test.sh: each project's Jest run writes its
// totals to .data/test-results/<project>.json, and infra/jest/summarize.js adds them up, because
// `nx run-many` only reports which projects failed, not how many tests ran.
const fs = require('fs');
const path = require('path');

module.exports = function writeTotals(results) {
  const dir = process.env.TEST_RESULTS_DIR || path.resolve(__dirname, '../../.data/test-results');
  // Nx puts the task's project in the environment of the process that runs its executor.
  const project = process.env.NX_TASK_TARGET_PROJECT || `jest-${process.pid}`;
  const where = (file) => path.relative(process.cwd(), file.testFilePath);
  // A file that failed outside its tests (it did not compile, a hook threw).
  const brokeOutsideTests = (file) =>
    file.testExecError || (file.failureMessage && file.numFailingTests === 0);
  const failedToRun = results.testResults.filter(brokeOutsideTests).map(where);
  // What failed, in a few lines each: CI shows only the end of its log, where summarize.js
  // prints these, so a failure is legible without the whole Jest output.
  const firstLines = (text) =>
    String(text || '')
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => line.trim() && !/^\s+at /.test(line))
      .slice(0, 6)
      .join('\n');
  const failures = [];
  for (const file of results.testResults) {
    for (const t of file.testResults || []) {
      if (t.status !== 'failed') continue;
      const message = firstLines((t.failureMessages || []).join('\n'));
      failures.push({ file: where(file), test: t.fullName, message });
    }
    if (brokeOutsideTests(file)) {
      const message = firstLines(file.testExecError?.message || file.failureMessage);
      failures.push({ file: where(file), test: '(suite)', message });
    }
  }
  const seconds = results.testResults.map((r) => ({
    file: where(r),
    s: ((r.perfStats?.end ?? 0) - (r.perfStats?.start ?? 0)) / 1000,
  }));
  const totals = {
    project,
    success: results.success,
    passed: results.numPassedTests,
    failed: results.numFailedTests,
    skipped: results.numPendingTests + results.numTodoTests,
    suites: results.numTotalTestSuites,
    failedSuites: results.numFailedTestSuites,
    failedToRun,
    failures,
    seconds: Math.round((Date.now() - results.startTime) / 1000),
    slowest: seconds.sort((a, b) => b.s - a.s).slice(0, 3),
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
