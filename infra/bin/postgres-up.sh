#!/usr/bin/env bash
# Makes sure PostgreSQL answers where PG_ADMIN_URL / DATABASE_URL (default 127.0.0.1:5432)
# point. A local Debian/Ubuntu cluster that is down is started with pg_ctlcluster and
# remembered in .data/infra, so infra-down stops only what we started. Anything else that
# does not answer is an error: we never start or stop someone else's server.
set -euo pipefail
LOG_TAG=postgres
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

read -r host port < <(pg_host_port "$(pg_admin_url)")

answers() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$host" -p "$port" -t 3
  else
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
  fi
}

wait_answers() {
  for _ in $(seq 1 60); do answers && return 0; sleep 0.5; done
  return 1
}

if answers; then log "answering on $host:$port"; exit 0; fi

is_local_host "$host" || die "PostgreSQL at $host:$port does not answer; it is not local, so start it yourself (or unset PG_ADMIN_URL / DATABASE_URL to use the local one)."
command -v pg_lsclusters >/dev/null || die "nothing answers on $host:$port and pg_lsclusters (postgresql-common) is missing, so there is no local cluster to start. Start PostgreSQL 15 on $host:$port."

# Which local cluster serves this port? Columns: version cluster port status ...
cluster="$(pg_lsclusters --no-header | awk -v p="$port" '$3 == p && !found { print $1, $2; found = 1 }')"
[ -n "$cluster" ] || die "nothing answers on $host:$port and no local PostgreSQL cluster is configured for port $port (see pg_lsclusters)."
read -r version name <<<"$cluster"

with_lock postgres
if ! answers; then
  log "starting local cluster $version/$name"
  detached pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start ||
    die "pg_ctlcluster $version $name start failed (run as root or the cluster owner; see /var/log/postgresql/postgresql-$version-$name.log)"
  echo "$version $name" >"$state/postgres-started"
fi
wait_answers || die "cluster $version/$name started but $host:$port does not answer"
log "answering on $host:$port"
