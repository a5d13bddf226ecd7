#!/usr/bin/env bash
# npm start — on a fresh clone: installs dependencies, brings up Kafka and PostgreSQL
# (infra:up), then runs every service and Prometheus scraping them; Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/infra-up.sh
# Prometheus scrapes every service (Debian's package, installed here when missing).
bash infra/bin/ensure-prometheus.sh
bash services/workbench/scripts/build.sh
exec node -r @swc-node/register infra/start/start-services.ts
