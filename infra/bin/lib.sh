# Shared by the infra/bin scripts (sourced, not run).
# State that must survive between `infra:up` and `infra:down` (what infra-up started) lives in
# .data/infra, which is git-ignored.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="$root/.data/infra"
mkdir -p "$state"

DEFAULT_KAFKA_BROKERS=127.0.0.1:9092
DEFAULT_PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres
# The issuer infra/keycloak/keycloak.sh runs (KEYCLOAK_PORT moves it).
DEFAULT_OIDC_ISSUER="http://127.0.0.1:${KEYCLOAK_PORT:-18080}/realms/complaints"

log() { printf '[%s] %s\n' "${LOG_TAG:-infra}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Holds an exclusive lock on $state/$1.lock until the calling script exits, so two
# infra-up/infra-down/npm ci runs at once queue instead of racing.
# The lock lives on file descriptor $lock_fd; a daemon started while holding it (Kafka,
# PostgreSQL) must be started through `detached`, or it inherits the descriptor and keeps the
# lock for as long as it runs.
lock_fd=
with_lock() {
  local name="$1"
  exec {lock_fd}>"$state/$name.lock"
  if command -v flock >/dev/null; then
    flock -w 300 "$lock_fd" || die "timed out after 300s waiting for $state/$name.lock (another infra-up/down running?)"
  fi
}

# Runs a command without the lock's file descriptor (see with_lock).
detached() {
  if [ -n "$lock_fd" ]; then "$@" {lock_fd}>&-; else "$@"; fi
}

is_local_host() {
  case "$1" in 127.0.0.1 | localhost | ::1 | '[::1]' | '') return 0 ;; *) return 1 ;; esac
}

# Prints "host port" of a postgres:// URL (Node parses it; bash regexes get passwords wrong).
pg_host_port() {
  node -e 'const u = new URL(process.argv[1]); console.log(`${u.hostname || "127.0.0.1"} ${u.port || 5432}`)' "$1"
}

# The superuser URL the setup uses: PG_ADMIN_URL, else DATABASE_URL's server, else local.
pg_admin_url() {
  if [ -n "${PG_ADMIN_URL:-}" ]; then echo "$PG_ADMIN_URL"
  elif [ -n "${DATABASE_URL:-}" ]; then echo "$DATABASE_URL"
  else echo "$DEFAULT_PG_ADMIN_URL"; fi
}

# True when KAFKA_BROKERS is unset or names only the broker kafka.sh runs.
kafka_is_local_default() {
  local brokers="${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}"
  case "$brokers" in 127.0.0.1:9092 | localhost:9092) return 0 ;; *) return 1 ;; esac
}

# True when OIDC_ISSUER is unset or names the realm keycloak.sh runs: any other issuer is the
# insurer's own identity provider, and nothing local is started.
keycloak_is_local_default() {
  case "${OIDC_ISSUER:-$DEFAULT_OIDC_ISSUER}" in "$DEFAULT_OIDC_ISSUER" | "$DEFAULT_OIDC_ISSUER/") return 0 ;; *) return 1 ;; esac
}

run_ts() { (cd "$root" && node -r @swc-node/register "$@"); }
