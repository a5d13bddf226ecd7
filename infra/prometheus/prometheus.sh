#!/usr/bin/env bash
# npm run prometheus: Prometheus from Debian's `prometheus` package (installed with apt-get when
# missing), scraping the services of `npm start` on 127.0.0.1:9090, data in .data/prometheus.
# npm run prometheus -- test: only `promtool test rules` over infra/prometheus.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if ! command -v promtool >/dev/null 2>&1; then
  echo "[prometheus] installing Debian's prometheus package" >&2
  apt-get install -y --no-install-recommends prometheus >/dev/null
fi
if [ "${1:-}" = "test" ]; then
  cd "$here"
  promtool check rules deadlines.rules.yml
  exec promtool test rules deadlines.rules.test.yml
fi
mkdir -p "$root/.data/prometheus"
exec prometheus --config.file="$here/prometheus.yml" --storage.tsdb.path="$root/.data/prometheus" \
  --web.listen-address=127.0.0.1:9090
