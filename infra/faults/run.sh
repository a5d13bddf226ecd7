#!/usr/bin/env bash
# npm run faults [-- --quick]: the fault suite on a private stack of its own (Kafka broker,
# PostgreSQL cluster, the five services, all on free ports); see infra/faults/faults.ts.
# The suite cleans up after itself, also on Ctrl-C; if it is killed outright (SIGKILL), what it
# left running is stopped here from the state file it keeps.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

bash infra/bin/ensure-deps.sh || exit 1
bash infra/kafka/kafka.sh fetch || exit 1
# People act with access tokens from the shared identity provider (the faults are the broker's
# and the database's, not the IdP's); start it when it is not running (harmless when it is).
bash infra/keycloak/keycloak.sh start || exit 1

state=.data/faults/stack.state

leftovers() {
  [ -f "$state" ] || return 0
  # shellcheck disable=SC1090
  . "$state"
  if [ -n "${owner_pid:-}" ] && kill -0 "$owner_pid" 2>/dev/null; then
    echo "[faults] another fault run (pid $owner_pid) is using $state" >&2
    return 1
  fi
  echo "[faults] cleaning up what a fault run left running" >&2
  for pid in ${service_pids:-}; do
    if grep -qa 'services/' "/proc/$pid/cmdline" 2>/dev/null; then kill -CONT "$pid"; kill -9 "$pid"; fi
  done
  if [ -n "${broker_port:-}" ]; then
    fuser -k -9 "${broker_port}/tcp" >/dev/null 2>&1 || true
  fi
  if [ -n "${postgres_dir:-}" ] && [ -d "$postgres_dir/data" ]; then
    pg_bin="${PG_BIN_DIR:-/usr/lib/postgresql/15/bin}"
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$pg_bin/pg_ctl" -D "$postgres_dir/data" -m immediate stop >/dev/null 2>&1 || true
    else
      "$pg_bin/pg_ctl" -D "$postgres_dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
  fi
  case "${postgres_dir:-}" in */postgres-faults-*) rm -rf "$postgres_dir" ;; esac
  case "${broker_dir:-}" in */kafka-faults-*) rm -rf "$broker_dir" ;; esac
  rm -f "$state"
}

# A previous run killed outright may have left its stack behind.
leftovers || exit 1

# The suite handles SIGINT/SIGTERM itself (it gets them with the whole process group); this
# shell only has to outlive it to run the fallback.
trap ':' INT TERM
# The services run compiled, from dist/ (about a second when everything compiles).
node infra/build/build.js || exit 1
node -r @swc-node/register infra/faults/faults.ts "$@"
status=$?
leftovers
exit "$status"
