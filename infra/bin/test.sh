#!/usr/bin/env bash
# npm test — brings the infrastructure up and runs every project's Jest tests against the real
# Kafka and PostgreSQL, two projects at a time (the machine has 2 cores).
# Extra arguments go to `nx run-many`, e.g. `npm test -- --projects=infra`.
# Leaves Kafka running for the next run; `npm run infra:down` (or .ci/run) stops it.
set -euo pipefail
LOG_TAG=test
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"

bash infra/bin/ensure-deps.sh

# The test harness (libs/testing) reads these; a value already set wins (a broker/database
# that runs elsewhere).
export KAFKA_BROKERS="${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/complaints}"
export NX_DAEMON=false NX_NO_CLOUD=true

bash infra/bin/infra-up.sh

results="$root/.data/test-results"
rm -rf "$results"
mkdir -p "$results"
export TEST_RESULTS_DIR="$results"

# Tests start services as processes compiled, as production runs them (libs/testing's nodeArgs):
# built once here, so parallel test files find dist/ up to date (about a second).
node infra/build/build.js

status=0
npx nx run-many -t test --parallel=2 --outputStyle=stream \
  --testResultsProcessor="$root/infra/jest/results-processor.js" "$@" || status=$?

# Without a project filter, every project with a test target should have reported.
expected=()
if [ $# -eq 0 ]; then
  mapfile -t expected < <(npx nx show projects --with-target test 2>/dev/null || true)
fi
echo
node infra/jest/summarize.js "$results" "${expected[@]}" || true
exit "$status"
