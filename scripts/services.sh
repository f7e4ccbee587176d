#!/usr/bin/env bash
# Starts and stops the built services, and the demo's mail sink, as local background processes
# (pid and log files in $ITSM_STATE_DIR), the way `npm start` runs the platform without Kubernetes.
#   services.sh start | stop | status
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUN_DIR="$ITSM_STATE_DIR/run"
LOG_DIR="$ITSM_STATE_DIR/logs"
PG_BASE="postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:${PGPORT:-5432}"
export KAFKA_BROKERS="${KAFKA_BROKERS:-127.0.0.1:9092}"

# A random secret made once and kept in the state dir (0600), so tokens, the reply addresses of
# mail already sent and the admin's password survive restarts: state_secret <file name> <bytes>.
state_secret() {
  local file="$ITSM_STATE_DIR/$1"
  if [ ! -s "$file" ]; then
    mkdir -p "$ITSM_STATE_DIR"
    (umask 077 && head -c "$2" /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}
GATEWAY_JWT_SECRET="$(state_secret gateway-jwt-secret 32)"
ADMIN_EMAIL="admin@itsm.local"
ADMIN_PASSWORD="$(state_secret admin-password 12)"
MAIL_REPLY_SECRET="$(state_secret mail-reply-secret 32)"
# The demo's mailbox (deploy/local/mail-sink.mjs): notification email lands there, readable on
# its web page, instead of going to a mail server.
MAIL_SINK_SMTP_PORT="${MAIL_SINK_SMTP_PORT:-2525}"
MAIL_SINK_HTTP_PORT="${MAIL_SINK_HTTP_PORT:-8025}"

# name | HTTP port | environment (space separated). The gateway's rate limit is raised for
# local runs: the demo seeder replays weeks of a service desk's work through one API key. The
# gateway also serves the built web app (portal and agent console) at its root.
SERVICES=(
  "tickets|3101|DATABASE_URL=$PG_BASE/itsm_tickets GRPC_PORT=50051"
  "sla|3102|DATABASE_URL=$PG_BASE/itsm_sla GRPC_PORT=50052"
  "knowledge|3103|DATABASE_URL=$PG_BASE/itsm_knowledge GRPC_PORT=50053 SEARCH_URL=${OPENSEARCH_URL:-http://127.0.0.1:9200}"
  "routing|3104|DATABASE_URL=$PG_BASE/itsm_routing GRPC_PORT=50054"
  "cmdb|3105|DATABASE_URL=$PG_BASE/itsm_cmdb GRPC_PORT=50055"
  "notifications|3106|DATABASE_URL=$PG_BASE/itsm_notifications GRPC_PORT=50056 TICKETS_GRPC_URL=127.0.0.1:50051 ROUTING_GRPC_URL=127.0.0.1:50054 SMTP_URL=smtp://127.0.0.1:$MAIL_SINK_SMTP_PORT MAIL_REPLY_SECRET=$MAIL_REPLY_SECRET PUBLIC_BASE_URL=http://127.0.0.1:3000 INBOUND_SMTP_HOST=127.0.0.1 INBOUND_SMTP_PORT=2526"
  "gateway|3000|DATABASE_URL=$PG_BASE/itsm_gateway AUTH_JWT_SECRET=$GATEWAY_JWT_SECRET AUTH_BOOTSTRAP_ADMIN_EMAIL=$ADMIN_EMAIL AUTH_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD RATE_LIMIT_PER_MINUTE=${RATE_LIMIT_PER_MINUTE:-20000} RATE_LIMIT_BURST=${RATE_LIMIT_BURST:-2000} TICKETS_GRPC_URL=127.0.0.1:50051 SLA_GRPC_URL=127.0.0.1:50052 KNOWLEDGE_GRPC_URL=127.0.0.1:50053 ROUTING_GRPC_URL=127.0.0.1:50054 CMDB_GRPC_URL=127.0.0.1:50055 NOTIFICATIONS_GRPC_URL=127.0.0.1:50056 WEB_ROOT=$ITSM_ROOT/dist/services/web"
)

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# start_one <name> <port> <environment> [<script>]: the script defaults to the service's bundle.
start_one() {
  local name="$1" port="$2" env_list="$3" script="${4:-$ITSM_ROOT/dist/services/$1/main.js}"
  local pid_file="$RUN_DIR/$name.pid"
  if pid_alive "$pid_file"; then
    log "$name already running (pid $(cat "$pid_file"))"
    return 0
  fi
  local -a env_args
  read -r -a env_args <<<"$env_list"
  log "starting $name on :$port (log: $LOG_DIR/$name.log)"
  env "${env_args[@]}" HTTP_PORT="$port" \
    nohup node --enable-source-maps "$script" >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$pid_file"
}

wait_ready() {
  local name="$1" port="$2"
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      log "$name is ready"
      return 0
    fi
    pid_alive "$RUN_DIR/$name.pid" || break
    sleep 0.5
  done
  tail -n 30 "$LOG_DIR/$name.log" >&2 || true
  die "$name did not become ready (see $LOG_DIR/$name.log)"
}

migrate() {
  local name="$1" env_list="$2"
  local -a env_args
  read -r -a env_args <<<"$env_list"
  log "migrating $name"
  env "${env_args[@]}" node --enable-source-maps "$ITSM_ROOT/dist/services/$name/main.js" migrate
}

stop_one() {
  local name="$1" pid_file="$RUN_DIR/$1.pid"
  pid_alive "$pid_file" || { rm -f "$pid_file"; return 0; }
  local pid
  pid="$(cat "$pid_file")"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$pid_file"
  log "stopped $name"
}

mkdir -p "$RUN_DIR" "$LOG_DIR"
case "${1:-}" in
  start)
    start_one mail-sink "$MAIL_SINK_HTTP_PORT" "MAIL_SINK_SMTP_PORT=$MAIL_SINK_SMTP_PORT MAIL_SINK_HTTP_PORT=$MAIL_SINK_HTTP_PORT" \
      "$ITSM_ROOT/deploy/local/mail-sink.mjs"
    wait_ready mail-sink "$MAIL_SINK_HTTP_PORT"
    for entry in "${SERVICES[@]}"; do
      IFS='|' read -r name _ env_list <<<"$entry"
      # Every service with a database of its own migrates it before any service starts.
      case " $env_list " in *" DATABASE_URL="*) migrate "$name" "$env_list" ;; esac
    done
    for entry in "${SERVICES[@]}"; do
      IFS='|' read -r name port env_list <<<"$entry"
      start_one "$name" "$port" "$env_list"
      wait_ready "$name" "$port"
    done
    ;;
  stop)
    for ((index = ${#SERVICES[@]} - 1; index >= 0; index--)); do
      IFS='|' read -r name _ _ <<<"${SERVICES[$index]}"
      stop_one "$name"
    done
    stop_one mail-sink
    ;;
  status)
    for entry in "${SERVICES[@]}"; do
      IFS='|' read -r name port _ <<<"$entry"
      if pid_alive "$RUN_DIR/$name.pid"; then echo "$name  up    http://127.0.0.1:$port"; else echo "$name  down"; fi
    done
    if pid_alive "$RUN_DIR/mail-sink.pid"; then echo "mail-sink  up    http://127.0.0.1:$MAIL_SINK_HTTP_PORT"; else echo "mail-sink  down"; fi
    ;;
  *) die "usage: services.sh start|stop|status" ;;
esac
