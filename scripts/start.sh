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
NX_DAEMON=false nx run-many -t build -p tickets sla knowledge routing cmdb gateway --output-style=static
bash scripts/services.sh start
bash scripts/seed-demo.sh

cat <<URLS

  ITSM platform is running.

  REST API (gateway)   http://127.0.0.1:3000/api/v1/tickets
  Administrator        admin@itsm.local / $(cat "$ITSM_STATE_DIR/admin-password")   (sign in: POST /api/v1/auth/sign-in)
  API docs (Swagger)   http://127.0.0.1:3000/api/docs   (JSON: /api/docs-json)
  Health               http://127.0.0.1:3000/health/ready
  SLA service health   http://127.0.0.1:3102/health/ready
  Knowledge search     http://127.0.0.1:3000/api/v1/knowledge/search?q=vpn
  Kafka                127.0.0.1:9092   topics itsm.tickets.v1, itsm.sla.v1, itsm.routing.v1, itsm.cmdb.v1, itsm.knowledge.v1
  OpenSearch           http://127.0.0.1:9200
  PostgreSQL           postgres://postgres@127.0.0.1:5432/itsm_tickets
  Logs                 $ITSM_STATE_DIR/logs/

  Try:  curl -s http://127.0.0.1:3000/api/v1/tickets | head -c 600
  Stop: npm run stop

URLS
