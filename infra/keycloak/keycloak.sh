#!/usr/bin/env bash
# Runs the embedded identity provider: Keycloak's server distribution from Maven Central (see
# pom.xml) in development mode on 127.0.0.1, with the demo realm imported from
# realm-complaints.json. Usage: keycloak.sh fetch|start|launch|wait|stop|status|issuer
# Idempotent: start on a running server, or stop on a stopped one, does nothing.
# launch starts without waiting (infra-up overlaps the wait with its other work); wait waits.
# KEYCLOAK_PORT (default 18080) moves it; KC_BOOTSTRAP_ADMIN_USERNAME / _PASSWORD (default
# admin / admin, local only) name the master realm's first administrator; KEYCLOAK_HEAP_OPTS,
# KEYCLOAK_JAVA_OPTS and KEYCLOAK_JAVA_HOME tune the JVM.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$here/pom.xml")"
dist="$here/.dist/keycloak-$version"
zip="$here/.dist/keycloak-$version.zip"
data="$root/.data/keycloak"
pidfile="$data/keycloak.pid"
realm_file="$here/realm-complaints.json"
realm=complaints
host=127.0.0.1
port="${KEYCLOAK_PORT:-18080}"
# Quarkus's management interface (health, metrics) stays off: nothing enables it, so no port.
heap="${KEYCLOAK_HEAP_OPTS:--Xms64m -Xmx512m}"
# C1 only: on two shared cores the C2 compiler's threads slowed start-up by half or more, and a
# demo identity provider never runs long enough to gain from C2.
java_opts="${KEYCLOAK_JAVA_OPTS:--XX:TieredStopAtLevel=1}"

log() { printf '[keycloak] %s\n' "$*" >&2; }

case "$port" in '' | *[!0-9]*) log "KEYCLOAK_PORT must be a port number"; exit 2 ;; esac

issuer() { echo "http://$host:$port/realms/$realm"; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

# The realm's discovery document answers: Keycloak is up and the realm is imported.
discovery_answers() {
  curl -fsS -m 3 -o /dev/null "$(issuer)/.well-known/openid-configuration" 2>/dev/null
}

port_open() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

fetch() {
  if [ -f "$dist/.complete" ] && [ "$dist/.complete" -nt "$here/pom.xml" ]; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch Keycloak from Maven Central"; exit 1; }
  command -v unzip >/dev/null || { log "unzip is required to unpack Keycloak's distribution"; exit 1; }
  log "resolving Keycloak $version from Maven Central (pom.xml, about 160 MB)"
  rm -rf "$dist"
  [ -f "$zip" ] || mvn -q -B -f "$here/pom.xml" dependency:copy
  unzip -q -o "$zip" -d "$here/.dist"
  rm -f "$zip"
  touch "$dist/.complete"
}

# Keycloak 26 runs on Java 17 or newer: KEYCLOAK_JAVA_HOME, else JAVA_HOME, else java on PATH.
java_home() {
  local home="${KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-}}"
  local java="${home:+$home/bin/}java"
  command -v "$java" >/dev/null || { log "Java 17 or newer is required (java not found)"; exit 1; }
  local major
  major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  case "$major" in 1.* | '' | *[!0-9]*) major=0 ;; esac
  [ "$major" -ge 17 ] || { log "Keycloak needs Java 17 or newer; $java is $major"; exit 1; }
  if [ -n "$home" ]; then echo "$home"; fi
}

# The realm file is imported only into an empty database (Keycloak skips a realm it has):
# when the file changed since the last import, the dev database is dropped and made again.
reset_if_realm_changed() {
  local sum; sum="$(sha256sum "$realm_file" | cut -d' ' -f1)"
  if [ "$(cat "$data/realm.sha256" 2>/dev/null)" != "$sum" ]; then
    if [ -d "$dist/data/h2" ]; then log "realm file changed since the last import: new dev database"; fi
    rm -rf "$dist/data/h2"
  fi
  mkdir -p "$dist/data/import"
  cp "$realm_file" "$dist/data/import/realm-$realm.json"
  echo "$sum" >"$data/realm.sha256"
}

launch() {
  if running; then log "already running (pid $(cat "$pidfile"))"; return 0; fi
  if port_open; then log "something already listens on $host:$port; using it"; return 0; fi
  fetch
  local jhome; jhome="$(java_home)"
  mkdir -p "$data/logs"
  reset_if_realm_changed
  log "starting on $host:$port (realm $realm, logs in $data/logs)"
  # Keycloak must not inherit the caller's descriptors: infra-up holds a lock on one, and a
  # server keeping it would block every later infra-up for as long as it runs.
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd="${fd##*/}"
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    export JAVA_HOME="$jhome"
    [ -n "$JAVA_HOME" ] || unset JAVA_HOME
    export JAVA_OPTS_KC_HEAP="$heap" JAVA_OPTS_APPEND="$java_opts"
    export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
    export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
    # Brute-force protection stays on, but two sign-ins of one person at the same moment (two
    # test suites, two tabs) are both served instead of one being refused as "temporarily
    # disabled". Both spellings: 26.3 changed the SPI option format.
    export KC_SPI_BRUTE_FORCE_PROTECTOR__DEFAULT_BRUTE_FORCE_DETECTOR__ALLOW_CONCURRENT_REQUESTS=true
    export KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS=true
    # Its own session (setsid): Ctrl-C on `npm start` signals the terminal's process group,
    # which must stop the services, not the identity provider. setsid execs in place here (a
    # background subshell leads no group) and kc.sh execs java: the pid below is the server's.
    setsid=()
    if command -v setsid >/dev/null; then setsid=(setsid); fi
    exec "${setsid[@]}" nohup bash "$dist/bin/kc.sh" start-dev \
      --http-host="$host" --http-port="$port" --hostname="http://$host:$port" \
      --import-realm </dev/null >>"$data/logs/keycloak.log" 2>&1
  ) &
  echo $! >"$pidfile"
}

wait_ready() {
  local timeout="${KEYCLOAK_START_TIMEOUT:-240}"
  local deadline=$((SECONDS + timeout))
  until discovery_answers; do
    if [ -f "$pidfile" ] && ! running; then
      log "Keycloak exited; last lines of its log:"; tail -n 30 "$data/logs/keycloak.log" >&2; exit 1
    fi
    if [ ! -f "$pidfile" ] && ! port_open; then log "not running"; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then log "no discovery document after ${timeout}s"; exit 1; fi
    sleep 0.5
  done
  log "ready: issuer $(issuer)"
}

stop() {
  if ! running; then log "not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  log "stopping (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "did not stop in 30s; killing"; kill -9 "$pid"; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  launch) launch ;;
  start) launch; wait_ready ;;
  wait) wait_ready ;;
  stop) stop ;;
  status) if running || discovery_answers; then echo running; else echo stopped; exit 1; fi ;;
  issuer) issuer ;;
  *) echo "usage: $0 fetch|start|launch|wait|stop|status|issuer" >&2; exit 2 ;;
esac
