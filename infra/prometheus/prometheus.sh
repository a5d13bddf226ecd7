#!/usr/bin/env bash
# npm run prometheus: Prometheus from Debian's `prometheus` package (installed with apt-get when
# missing), scraping the services of `npm start` on 127.0.0.1:9090, data in .data/prometheus.
# npm run prometheus -- test: only `promtool check rules` and `promtool test rules` over
# infra/prometheus (every *.rules.yml and *.test.yml).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# npm test runs the same check and tests (infra/prometheus/rules.spec.ts).
bash "$root/infra/bin/ensure-prometheus.sh"
if [ "${1:-}" = "test" ]; then
  cd "$here"
  promtool check rules ./*.rules.yml
  exec promtool test rules ./*.test.yml
fi
mkdir -p "$root/.data/prometheus"
exec prometheus --config.file="$here/prometheus.yml" --storage.tsdb.path="$root/.data/prometheus" \
  --web.listen-address=127.0.0.1:9090
