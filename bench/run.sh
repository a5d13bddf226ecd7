#!/usr/bin/env bash
# npm run bench [-- --quick] [-- --profile]: brings Kafka and PostgreSQL up (or uses the ones
# KAFKA_BROKERS / DATABASE_URL name), then measures the baselines and the platform in one run and
# writes bench/results/<mode>.json and <mode>.md. Everything it creates (schemas, topics, consumer
# groups, service processes) is its own, under a bench_ prefix, and removed at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../infra/bin/lib.sh
. infra/bin/lib.sh

bash infra/bin/ensure-deps.sh
export KAFKA_BROKERS="${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/complaints}"
bash infra/bin/infra-up.sh
exec node -r @swc-node/register bench/src/main.ts "$@"
