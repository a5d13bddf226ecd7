#!/usr/bin/env bash
# npm run infra:down — stops what infra:up started (recorded in .data/infra) and nothing else:
# a Kafka or PostgreSQL that was already running before infra:up keeps running.
# Safe to run again. To stop the local broker regardless: npm run kafka:stop (Keycloak:
# npm run keycloak:stop).
set -euo pipefail
LOG_TAG=infra-down
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

with_lock infra

if [ -f "$state/kafka-started" ]; then
  "$root/infra/kafka/kafka.sh" stop
  rm -f "$state/kafka-started"
  # What it recorded for tests no longer runs.
  rm -f "$root/.data/infra.env"
else
  log "Kafka was not started by infra:up; leaving it as it is"
fi

if [ -f "$state/keycloak-started" ]; then
  "$root/infra/keycloak/keycloak.sh" stop
  rm -f "$state/keycloak-started" "$root/.data/infra.env"
else
  log "Keycloak was not started by infra:up; leaving it as it is"
fi

if [ -f "$state/smtp-started" ]; then
  "$root/infra/smtp/smtp.sh" stop
  rm -f "$state/smtp-started"
fi

if [ -f "$state/postgres-started" ]; then
  read -r version name <"$state/postgres-started"
  log "stopping local PostgreSQL cluster $version/$name (infra:up started it)"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" stop || log "could not stop $version/$name"
  rm -f "$state/postgres-started" "$root/.data/infra.env"
else
  log "PostgreSQL was not started by infra:up; leaving it running"
fi
