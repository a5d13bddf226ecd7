#!/usr/bin/env bash
# Makes sure Debian's `prometheus` package (prometheus and promtool) is installed: for
# `npm run prometheus` and the rules test in `npm test` (infra/prometheus/rules.spec.ts).
# Installing needs root (apt-get); as another user it names the command to run instead.
set -euo pipefail
LOG_TAG=prometheus
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v promtool >/dev/null && command -v prometheus >/dev/null && exit 0
[ "$(id -u)" -eq 0 ] || die "Prometheus is missing: run as root \`apt-get update && apt-get install -y prometheus\`"
command -v apt-get >/dev/null || die "Prometheus is missing and apt-get is not here: install Prometheus 2.x (prometheus, promtool) on PATH"

# The same lock as the Chromium install: two apt-gets at once fail on dpkg's lock.
with_lock apt
if ! command -v promtool >/dev/null; then
  log "installing Debian's prometheus package (apt-get, once per machine)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends prometheus >&2 ||
    { apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends prometheus >&2; }
fi
command -v promtool >/dev/null || die "apt-get finished but promtool is missing"
