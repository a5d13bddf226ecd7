#!/usr/bin/env bash
# npm start — on a fresh clone: installs dependencies, brings up Kafka and PostgreSQL
# (infra:up), then runs every service; Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/infra-up.sh
bash services/workbench/scripts/build.sh
exec node -r @swc-node/register infra/start/start-services.ts
