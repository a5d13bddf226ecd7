#!/usr/bin/env bash
# Installs the workspace's npm dependencies when they are missing or older than the lock file,
# so every entry point (npm test, infra:up, CI) can call it and pay nothing when up to date.
set -euo pipefail
LOG_TAG=deps
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stale() {
  [ ! -d "$root/node_modules" ] ||
    [ ! -f "$root/node_modules/.package-lock.json" ] ||
    [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]
}

stale || exit 0
with_lock npm
stale || exit 0 # another run installed them while we waited
log "node_modules missing or older than package-lock.json: npm ci"
(cd "$root" && ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund) || die "npm ci failed. If it says package.json and package-lock.json are out of sync (e.g. a new workspace under services/), run \`npm install\` and commit package-lock.json."
