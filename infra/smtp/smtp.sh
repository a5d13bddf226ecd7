#!/usr/bin/env bash
# Runs the local mail sink (mail-sink.ts): an SMTP server that keeps what it receives, an SMS
# gateway stand-in, and their "sent mail" listing over HTTP. Usage: smtp.sh start|stop|status
# Idempotent. SMTP_PORT / MAIL_SINK_HTTP_PORT (default 2525 / 2526) move it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${MAIL_SINK_DIR:-$root/.data/smtp}"
pidfile="$data/mail-sink.pid"
http_port="${MAIL_SINK_HTTP_PORT:-2526}"

log() { printf '[smtp] %s\n' "$*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
answers() { curl -fsS -o /dev/null "http://127.0.0.1:$http_port/health" 2>/dev/null; }

start() {
  if running; then log "already running (pid $(cat "$pidfile"))"; return 0; fi
  if answers; then log "something already answers on 127.0.0.1:$http_port; using it"; return 0; fi
  mkdir -p "$data"
  cd "$root"
  MAIL_SINK_DIR="$data" nohup node -r @swc-node/register infra/smtp/mail-sink.ts \
    >>"$data/mail-sink.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  for _ in $(seq 1 100); do
    if answers; then log "SMTP on 127.0.0.1:${SMTP_PORT:-2525}, sent mail at http://127.0.0.1:$http_port/mail"; return 0; fi
    running || { log "mail sink exited; see $data/mail-sink.log"; exit 1; }
    sleep 0.1
  done
  log "mail sink did not answer within 10 s; see $data/mail-sink.log"; exit 1
}

stop() {
  if ! running; then log "not running"; rm -f "$pidfile"; return 0; fi
  kill "$(cat "$pidfile")"
  for _ in $(seq 1 50); do running || break; sleep 0.1; done
  if running; then kill -9 "$(cat "$pidfile")"; fi
  rm -f "$pidfile"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running || answers; then log "running"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
