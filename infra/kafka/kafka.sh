#!/usr/bin/env bash
# Runs a real single-node Apache Kafka (KRaft) broker from the jars Maven resolves from
# Maven Central (see pom.xml). Usage: kafka.sh fetch|start|stop|status|wait|perf-class
# Idempotent: start on a running broker, or stop on a stopped one, does nothing.
# KAFKA_PORT / KAFKA_CONTROLLER_PORT / KAFKA_DATA_DIR (default 9092 / 9093 / .data/kafka) run
# another broker beside the shared one: tests that stop and start a broker use their own.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${KAFKA_DATA_DIR:-$root/.data/kafka}"
lib="$here/.dist/lib"
pidfile="$data/kafka.pid"
host=127.0.0.1
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
heap="${KAFKA_HEAP_OPTS:--Xms512m -Xmx512m}"

log() { printf '[kafka] %s\n' "$*" >&2; }

for p in "$port" "$controller_port"; do
  case "$p" in '' | *[!0-9]*) log "KAFKA_PORT and KAFKA_CONTROLLER_PORT must be port numbers"; exit 2 ;; esac
done

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

fetch() {
  if [ -f "$lib/.complete" ] && [ "$lib/.complete" -nt "$here/pom.xml" ]; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch Kafka from Maven Central"; exit 1; }
  log "resolving Apache Kafka from Maven Central (pom.xml)"
  rm -rf "$lib"
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$lib" -DincludeScope=runtime
  touch "$lib/.complete"
}

java_args() {
  # shellcheck disable=SC2206
  jargs=($heap -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$here/log4j2.yaml" -Dkafka.logs.dir="$data/logs"
    -cp "$lib/*")
}

java_cmd() { java_args; java "${jargs[@]}" "$@"; }

start() {
  if running; then log "already running (pid $(cat "$pidfile"))"; return 0; fi
  if port_open; then log "something already listens on $host:$port; using it"; return 0; fi
  fetch
  mkdir -p "$data/logs" "$data/log-dirs"
  local props="$data/server.properties"
  {
    sed -e "s/@KAFKA_PORT@/$port/g" -e "s/@KAFKA_CONTROLLER_PORT@/$controller_port/g" "$here/server.properties"
    echo "log.dirs=$data/log-dirs"
  } > "$props"
  if [ ! -f "$data/log-dirs/meta.properties" ]; then
    local cluster_id
    cluster_id="$(java_cmd kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    log "formatting storage (cluster $cluster_id)"
    java_cmd kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" >"$data/logs/format.out" 2>&1 \
      || { cat "$data/logs/format.out" >&2; exit 1; }
  fi
  log "starting broker on $host:$port (data in $data)"
  # server.log is appended to across restarts: only lines after this point prove *this* start.
  local seen=0
  if [ -f "$data/logs/server.log" ]; then seen="$(wc -l < "$data/logs/server.log")"; fi
  java_args
  # The broker must not inherit the caller's descriptors: infra-up holds a lock on one, and a
  # broker keeping it would block every later infra-up for as long as it runs.
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd="${fd##*/}"
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    exec nohup java "${jargs[@]}" kafka.Kafka "$props" </dev/null >"$data/logs/stdout.log" 2>&1
  ) &
  echo $! > "$pidfile"
  wait_ready "$seen"
}

# True when server.log has "Kafka Server started" after its first $1 lines. awk reads the file
# itself: a `tail | grep -q` pipeline fails under pipefail when grep exits early.
started_since() {
  local log_file="$data/logs/server.log" skip="$1"
  [ -f "$log_file" ] || return 1
  # The log rolled over since (it is size-capped): everything in it is new.
  if [ "$(wc -l < "$log_file")" -lt "$skip" ]; then skip=0; fi
  awk -v skip="$skip" 'NR > skip && /Kafka Server started/ { found = 1; exit } END { exit !found }' "$log_file"
}

# $1: lines of server.log written before this start (default 0: any "started" line counts).
wait_ready() {
  local skip="${1:-0}"
  local deadline=$((SECONDS + ${KAFKA_START_TIMEOUT:-90}))
  until port_open && started_since "$skip"; do
    if [ -f "$pidfile" ] && ! running; then
      log "broker exited; last lines of its log:"; tail -n 30 "$data/logs/stdout.log" >&2; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then log "broker not ready after ${KAFKA_START_TIMEOUT:-90}s"; exit 1; fi
    sleep 0.5
  done
  log "ready on $host:$port"
}

stop() {
  if ! running; then log "not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  log "stopping broker (pid $pid)"
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "broker did not stop in 30s; killing"; kill -9 "$pid"; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) if running || port_open; then echo running; else echo stopped; exit 1; fi ;;
  wait) wait_ready ;;
  run-class) shift; fetch; java_cmd "$@" ;;
  *) echo "usage: $0 fetch|start|stop|status|wait|run-class CLASS [ARGS]" >&2; exit 2 ;;
esac
