#!/usr/bin/env bash
# npm start — on a fresh clone: installs dependencies, brings up Kafka and PostgreSQL
# (infra:up), builds the services (npm run build, when a source is newer than dist/), then runs
# every service compiled and Prometheus scraping them; Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/infra-up.sh
# Prometheus scrapes every service (Debian's package, installed here when missing).
bash infra/bin/ensure-prometheus.sh
bash services/workbench/scripts/build.sh
# The services run compiled, from dist/: rebuilt here when a source is newer than its output
# (about a second for everything, a fraction of that for a few files).
node infra/build/build.js
exec node -r @swc-node/register infra/start/start-services.ts
