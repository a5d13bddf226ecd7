#!/usr/bin/env bash
# Builds the workbench's single-page app into services/workbench/dist (vite build), only when
# dist is missing or older than a source file: npm start and the browser tests call it and pay
# nothing when it is up to date. --force builds anyway.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
stamp="$here/dist/.built"
cd "$here"
if [ "${1:-}" != --force ] && [ -f "$stamp" ] &&
  [ -z "$(find app index.html vite.config.mts tsconfig.app.json package.json "$root/package-lock.json" -newer "$stamp" -print -quit)" ]; then
  exit 0
fi
# Another build at the same moment (npm start and a test) waits instead of racing on dist/.
mkdir -p "$root/.data"
exec {lock}>"$root/.data/workbench-build.lock"
if command -v flock >/dev/null; then flock -w 300 "$lock"; fi
printf '[workbench] building the app (vite build)\n' >&2
"$root/node_modules/.bin/vite" build --config "$here/vite.config.mts" --logLevel warn >&2
touch "$stamp"
