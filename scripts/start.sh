#!/usr/bin/env bash
# Starts the whole platform on this machine: installs what is missing, starts PostgreSQL
# databases, Kafka and OpenSearch, builds and migrates the services, starts them, seeds a
# demo and prints the URLs. Safe to run again.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ITSM_ROOT" || exit 1

bootstrap
bash deploy/local/infra.sh up
log "building the services"
NX_DAEMON=false nx run-many -t build -p tickets sla knowledge routing cmdb notifications gateway web --output-style=static
bash scripts/services.sh start
bash scripts/seed-demo.sh

api="http://127.0.0.1:3000"
demo_password="${ITSM_DEMO_PASSWORD:-demo-password-2026}"
# The list of demo accounts lives in the seeder (tools/demo-seed), so it prints them.
demo_accounts="$(ITSM_DEMO_PASSWORD="$demo_password" node dist/tools/demo-seed/main.js --accounts | sed 's/^/    /')"

cat <<URLS

  ITSM platform is running.

  Web app              $api/   (self-service portal and agent console; demo accounts below)
  REST API (gateway)   $api/api/v1/tickets   (sign in first, see below)
  API docs (Swagger)   $api/api/docs   (JSON: /api/docs-json)
  Health               $api/health/ready
  SLA service health   http://127.0.0.1:3102/health/ready
  Knowledge search     $api/api/v1/knowledge/search?q=vpn
  Demo mailbox         http://127.0.0.1:${MAIL_SINK_HTTP_PORT:-8025}   (notification email; .eml files in $ITSM_STATE_DIR/mail/)
  Kafka                127.0.0.1:${KAFKA_PORT:-9092}   topics itsm.tickets.v1, itsm.sla.v1, itsm.routing.v1, itsm.cmdb.v1, itsm.knowledge.v1, itsm.notifications.v1
  OpenSearch           ${OPENSEARCH_URL:-http://127.0.0.1:9200}
  PostgreSQL           postgres://postgres@127.0.0.1:5432/itsm_tickets
  Logs                 $ITSM_STATE_DIR/logs/

  Administrator        admin@itsm.local / $(cat "$ITSM_STATE_DIR/admin-password")   (kept in $ITSM_STATE_DIR/admin-password)

  Demo accounts (sign in: POST /api/v1/auth/sign-in with {"email", "password"}):
$demo_accounts

  Try:  token=\$(curl -s $api/api/v1/auth/sign-in -H 'content-type: application/json' \\
          -d '{"email":"anna.petrova@itsm.local","password":"$demo_password"}' \\
          | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).accessToken')
        curl -s $api/api/v1/tickets -H "Authorization: Bearer \$token" | head -c 600
  Stop: npm run stop

URLS
