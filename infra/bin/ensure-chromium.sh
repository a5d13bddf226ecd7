#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the workbench's browser tests (playwright-core
# drives it; nothing downloads a browser build of its own). Prints the browser's path.
# CHROMIUM_PATH names another Chromium and skips the install. Installing needs root (apt-get);
# as another user it names the command to run instead.
set -euo pipefail
LOG_TAG=chromium
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then echo "$browser"; exit 0; fi
[ -z "${CHROMIUM_PATH:-}" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
[ "$(id -u)" -eq 0 ] || die "Chromium is missing: run as root \`apt-get update && apt-get install -y chromium\`"
command -v apt-get >/dev/null || die "Chromium is missing and apt-get is not here: install Chromium and set CHROMIUM_PATH"

with_lock apt
if [ ! -x "$browser" ]; then
  log "installing Debian's chromium (apt-get, about 100 MB, once per machine)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >&2
fi
[ -x "$browser" ] || die "apt-get finished but $browser is missing"
echo "$browser"
