#!/usr/bin/env bash
# Local infrastructure for the ITSM platform, without Docker:
#   kafka       real Apache Kafka broker (KRaft, single combined broker+controller node)
#   opensearch  real OpenSearch node (jars from Maven Central, started by opensearch/Launcher.java)
#   postgres    the machine's PostgreSQL (only started if down; databases created if missing)
#
# Usage: deploy/local/infra.sh up|start|down|stop|restart|status|logs|env [kafka|opensearch|postgres ...]
#   no component = all of them. 'up' is idempotent (a running component is left alone).
#   'down postgres' never stops the machine's PostgreSQL.
#
# Directories:
#   ITSM_STATE_DIR  data, logs, pid files, generated configs   (default <repo>/.local)
#   ITSM_CACHE_DIR  downloaded jars, survives fresh clones     (default ~/.cache/itsm)
# Ports (all bound to 127.0.0.1):
#   KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093 OPENSEARCH_PORT=9200 OPENSEARCH_TRANSPORT_PORT=9300
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
# Tunables: KAFKA_HEAP_OPTS, OPENSEARCH_HEAP_OPTS, KAFKA_START_TIMEOUT, OPENSEARCH_START_TIMEOUT,
#   POSTGRES_START_TIMEOUT, STOP_TIMEOUT (seconds), ITSM_JAVA (java binary to use).
set -euo pipefail

# ---------------------------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------------------------
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE_DIR="${ITSM_STATE_DIR:-$REPO_ROOT/.local}"
CACHE_DIR="${ITSM_CACHE_DIR:-$HOME/.cache/itsm}"
LOG_DIR="$STATE_DIR/logs"
RUN_DIR="$STATE_DIR/run"

# One database per service; add new services here (ITSM_POSTGRES_DATABASES overrides the list).
POSTGRES_DATABASES="${ITSM_POSTGRES_DATABASES:-itsm_gateway itsm_tickets itsm_sla itsm_routing itsm_cmdb itsm_knowledge itsm_notifications}"

ALL_COMPONENTS="postgres kafka opensearch"

KAFKA_VERSION="4.1.1"       # keep in sync with deploy/local/kafka/pom.xml (passed to mvn as -Dkafka.version)
OPENSEARCH_VERSION="2.19.6" # keep in sync with deploy/local/opensearch/pom.xml

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
OPENSEARCH_TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-9300}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
OPENSEARCH_HEAP_OPTS="${OPENSEARCH_HEAP_OPTS:--Xms512m -Xmx1g}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
OPENSEARCH_START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-150}"
POSTGRES_START_TIMEOUT="${POSTGRES_START_TIMEOUT:-30}"
STOP_TIMEOUT="${STOP_TIMEOUT:-30}"

KAFKA_LIB="$CACHE_DIR/kafka-$KAFKA_VERSION/lib"
OPENSEARCH_LIB="$CACHE_DIR/opensearch-$OPENSEARCH_VERSION/lib"
KAFKA_DIR="$STATE_DIR/kafka"
OPENSEARCH_DIR="$STATE_DIR/opensearch"

JAVA=""
CDS_FLAGS=()

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
log() { printf '[infra] %s\n' "$*"; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<EOF
Usage: $0 up|start|down|stop|restart|status|logs|env [kafka|opensearch|postgres ...]
  up, start     start components (default: all) and wait until they are ready
  down, stop    stop components (SIGTERM, then SIGKILL after ${STOP_TIMEOUT}s); never stops PostgreSQL
  restart       down + up
  status        print up/down per component; exit 1 if any requested component is down
  logs          follow the log of the given components (default: all)
  env           print the endpoint variables (eval "\$($0 env)")
State: $STATE_DIR   Cache: $CACHE_DIR
EOF
}

# Prints the log file of a component.
log_file() {
  case "$1" in
    kafka) echo "$LOG_DIR/kafka.log" ;;
    opensearch) echo "$LOG_DIR/opensearch.log" ;;
    postgres)
      local f
      f="$(find /var/log/postgresql -maxdepth 1 -name 'postgresql-*-main.log' 2>/dev/null | sort | tail -n 1 || true)"
      echo "${f:-/var/log/postgresql/postgresql-main.log}"
      ;;
  esac
}

tail_log() {
  local f
  f="$(log_file "$1")"
  if [ -f "$f" ]; then
    printf '[infra] ---- last lines of %s ----\n' "$f" >&2
    tail -n "${2:-40}" "$f" >&2 || true
    printf '[infra] ----\n' >&2
  fi
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# Prints the pid of our running process for a component, or fails. The process must carry our
# marker (-Ditsm.component=<name> -Ditsm.state=<state dir>) so a recycled pid is never mistaken.
running_pid() {
  local f pid
  f="$(pid_file "$1")"
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-Ditsm.component=$1 -Ditsm.state=$STATE_DIR " || return 1
  echo "$pid"
}

# Size in bytes of a file (0 if missing); used to read only what a new process logged.
file_size() {
  if [ -f "$1" ]; then wc -c <"$1" | tr -d ' '; else echo 0; fi
}

# Ensures a Java >= 17 (the Kafka 4 broker and OpenSearch 2.19 both need it); sets $JAVA.
ensure_java() {
  [ -n "$JAVA" ] && return 0
  local candidate major
  for candidate in "${ITSM_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
    /usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/java-17-openjdk-arm64/bin/java; do
    if [ -z "$candidate" ] || [ ! -x "$candidate" ]; then continue; fi
    major="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)"
    if [ -n "$major" ] && [ "$major" -ge 17 ]; then
      JAVA="$candidate"
      return 0
    fi
  done
  log "no Java >= 17 found; installing openjdk-17-jdk-headless"
  apt_install openjdk-17-jdk-headless
  for candidate in /usr/lib/jvm/java-17-openjdk-*/bin/java; do
    if [ -x "$candidate" ]; then
      JAVA="$candidate"
      return 0
    fi
  done
  die "Java >= 17 is required (set ITSM_JAVA=/path/to/java)"
}

apt_install() {
  command -v apt-get >/dev/null || die "cannot install $*: apt-get not available"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; then
    apt-get update -q >/dev/null || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || die "apt-get install $* failed"
  fi
}

ensure_maven() {
  command -v mvn >/dev/null && return 0
  log "mvn not found; installing maven"
  apt_install maven
  command -v mvn >/dev/null || die "mvn is required to download the jars"
}

# fetch_lib <name> <pom dir> <lib dir> <mvn -D...>: resolve the pom's dependencies into <lib dir>
# once. The .complete marker (holding the pom's checksum) is written only after a full success;
# an edited pom triggers a new download.
fetch_lib() {
  local name="$1" pom_dir="$2" lib="$3" define="$4" sum tmp out
  sum="$(sha256sum "$pom_dir/pom.xml" | cut -d' ' -f1)"
  if [ -f "$lib/.complete" ] && [ "$(cat "$lib/.complete")" = "$sum" ]; then
    return 0
  fi
  ensure_maven
  log "downloading $name jars into $lib (once; cached for later runs)"
  tmp="$lib.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! out="$(mvn -B -q -f "$pom_dir/pom.xml" "$define" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1)"; then
    rm -rf "$tmp"
    printf '%s\n' "$out" | tail -n 40 >&2
    die "downloading $name jars failed (mvn dependency:copy-dependencies, see above)"
  fi
  rm -rf "$lib"
  mv "$tmp" "$lib"
  echo "$sum" >"$lib/.complete"
}

# set_cds_flags <name> <lib dir>: sets CDS_FLAGS to JVM flags for a dynamic AppCDS archive of the
# classes that <name> loads from <lib dir> (roughly halves JVM start-up). The first run writes the
# archive at exit, later runs map it. The archive is keyed on the jars and the java binary; a stale
# or unusable archive is ignored by the JVM (normal start-up), never an error.
set_cds_flags() {
  local key archive
  key="$(printf '%s %s' "$(cat "$2/.complete" 2>/dev/null || true)" "$(readlink -f "$JAVA")" | sha256sum | cut -c1-12)"
  archive="$STATE_DIR/cds/$1-$key.jsa"
  mkdir -p "$STATE_DIR/cds"
  if [ -s "$archive" ]; then
    CDS_FLAGS=("-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  else
    CDS_FLAGS=("-XX:ArchiveClassesAtExit=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
}

# spawn <component> <workdir> <command...>: start a detached process with a pid file; all output
# goes to the component's log. fd 9 (the infra lock) is closed so the daemon does not hold it.
spawn() {
  local c="$1" dir="$2" logf
  shift 2
  logf="$(log_file "$c")"
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  printf '\n[infra] ==== starting %s at %s ====\n' "$c" "$(date -Is)" >>"$logf"
  (cd "$dir" && exec setsid nohup "$@" >>"$logf" 2>&1 </dev/null 9>&-) &
  echo "$!" >"$(pid_file "$c")"
}

# stop_process <component>: SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL.
stop_process() {
  local c="$1" pid i
  if ! pid="$(running_pid "$c")"; then
    rm -f "$(pid_file "$c")"
    log "$c: not running"
    return 0
  fi
  log "$c: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$c did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$(pid_file "$c")"
  log "$c: stopped"
}

# fail_start <component> <message>: report a failed start (with log tail), stop the half-started
# process so the next 'up' starts clean, and exit non-zero.
fail_start() {
  printf '[infra] ERROR: %s\n' "$2" >&2
  tail_log "$1" 40
  stop_process "$1" >&2 || true
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------------------------
# Runs a Kafka CLI class (StorageTool, TopicCommand, ...) from the cached jars, with a time limit.
kafka_tool() {
  set_cds_flags kafka-tools "$KAFKA_LIB"
  timeout 60 "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "${CDS_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.xml" -Ditsm.log.file="$LOG_DIR/kafka-tools.log" -Ditsm.log.level=warn \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DIR/data" "$LOG_DIR"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Generated by deploy/local/infra.sh - edits are overwritten on every 'up'.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=2
EOF
}

# Formats the KRaft storage once. The controller endpoint is part of the formatted voter set, so
# a later change of KAFKA_CONTROLLER_PORT needs a reformat (i.e. deleting the Kafka state).
kafka_format_once() {
  if [ -f "$KAFKA_DIR/data/meta.properties" ]; then
    local formatted
    formatted="$(cat "$KAFKA_DIR/controller.port" 2>/dev/null || echo "$KAFKA_CONTROLLER_PORT")"
    if [ "$formatted" != "$KAFKA_CONTROLLER_PORT" ]; then
      die "kafka storage was formatted for controller port $formatted, not $KAFKA_CONTROLLER_PORT; use that port or delete $KAFKA_DIR (loses all topics)"
    fi
    return 0
  fi
  local cluster_id out
  cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [ -n "$cluster_id" ] || die "kafka: could not generate a cluster id"
  log "kafka: formatting storage (cluster id $cluster_id)"
  if ! out="$(kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_DIR/server.properties" --standalone 2>&1)"; then
    printf '%s\n' "$out" >&2
    die "kafka: storage format failed"
  fi
  echo "$cluster_id" >"$KAFKA_DIR/cluster.id"
  echo "$KAFKA_CONTROLLER_PORT" >"$KAFKA_DIR/controller.port"
}

kafka_spawn() {
  local pid
  if pid="$(running_pid kafka)"; then
    log "kafka: already running (pid $pid)"
    return 0
  fi
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then die "kafka: port $port is already in use by another process (not ours: no live pid in $(pid_file kafka))"; fi
  done
  ensure_java
  fetch_lib kafka "$SCRIPT_DIR/kafka" "$KAFKA_LIB" "-Dkafka.version=$KAFKA_VERSION"
  kafka_write_config
  kafka_format_once
  KAFKA_LOG_OFFSET="$(file_size "$LOG_DIR/kafka.log")"
  log "kafka: starting $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT"
  set_cds_flags kafka "$KAFKA_LIB"
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM flags
  spawn kafka "$KAFKA_DIR" "$JAVA" -Ditsm.component=kafka -Ditsm.state="$STATE_DIR" $KAFKA_HEAP_OPTS \
    "${CDS_FLAGS[@]}" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.xml" -Ditsm.log.file="$LOG_DIR/kafka.log" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  KAFKA_SPAWNED=1
}

kafka_wait() {
  [ "${KAFKA_SPAWNED:-0}" = 1 ] || return 0
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) logf="$LOG_DIR/kafka.log"
  while :; do
    running_pid kafka >/dev/null || fail_start kafka "kafka: process exited during startup"
    if tail -c +"$((KAFKA_LOG_OFFSET + 1))" "$logf" 2>/dev/null | grep -q 'Kafka Server started' && port_open "$KAFKA_PORT"; then
      break
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail_start kafka "kafka: not ready within ${KAFKA_START_TIMEOUT}s (KAFKA_START_TIMEOUT)"
    sleep 0.3
  done
  # The broker answers metadata requests (an admin client round trip, as services will do).
  local out
  if ! out="$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list 2>&1)"; then
    printf '%s\n' "$out" >&2
    fail_start kafka "kafka: broker does not answer metadata requests"
  fi
  KAFKA_SPAWNED=0
  log "kafka: ready ($(printf '%s\n' "$out" | grep -c . || true) topics)"
}

# ---------------------------------------------------------------------------------------------
# OpenSearch
# ---------------------------------------------------------------------------------------------
opensearch_health() {
  curl -fsS -m 5 "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

opensearch_spawn() {
  local pid
  if pid="$(running_pid opensearch)"; then
    log "opensearch: already running (pid $pid)"
    return 0
  fi
  local port
  for port in "$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT"; do
    if port_open "$port"; then die "opensearch: port $port is already in use by another process (not ours: no live pid in $(pid_file opensearch))"; fi
  done
  command -v curl >/dev/null || apt_install curl
  ensure_java
  fetch_lib opensearch "$SCRIPT_DIR/opensearch" "$OPENSEARCH_LIB" "-Dopensearch.version=$OPENSEARCH_VERSION"
  mkdir -p "$OPENSEARCH_DIR/home" "$OPENSEARCH_DIR/data" "$OPENSEARCH_DIR/logs" "$OPENSEARCH_DIR/tmp" "$LOG_DIR"
  log "opensearch: starting $OPENSEARCH_VERSION on http://127.0.0.1:$OPENSEARCH_PORT"
  # Launcher.java is run as a single source file (JEP 330); every argument is an OpenSearch setting.
  # shellcheck disable=SC2086 # OPENSEARCH_HEAP_OPTS is a list of JVM flags
  spawn opensearch "$OPENSEARCH_DIR" "$JAVA" -Ditsm.component=opensearch -Ditsm.state="$STATE_DIR" \
    $OPENSEARCH_HEAP_OPTS -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dfile.encoding=UTF-8 -Djava.io.tmpdir="$OPENSEARCH_DIR/tmp" \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/opensearch/log4j2.xml" -Dlog4j2.shutdownHookEnabled=false \
    -Ditsm.log.file="$LOG_DIR/opensearch.log" \
    -cp "$OPENSEARCH_LIB/*" "$SCRIPT_DIR/opensearch/Launcher.java" \
    cluster.name=itsm-local node.name=itsm-local-1 \
    path.home="$OPENSEARCH_DIR/home" path.data="$OPENSEARCH_DIR/data" path.logs="$OPENSEARCH_DIR/logs" \
    network.host=127.0.0.1 http.port="$OPENSEARCH_PORT" transport.port="$OPENSEARCH_TRANSPORT_PORT" \
    discovery.type=single-node
  OPENSEARCH_SPAWNED=1
}

opensearch_wait() {
  [ "${OPENSEARCH_SPAWNED:-0}" = 1 ] || return 0
  local deadline=$((SECONDS + OPENSEARCH_START_TIMEOUT))
  until opensearch_health; do
    running_pid opensearch >/dev/null || fail_start opensearch "opensearch: process exited during startup"
    [ "$SECONDS" -lt "$deadline" ] || fail_start opensearch "opensearch: not healthy within ${OPENSEARCH_START_TIMEOUT}s (OPENSEARCH_START_TIMEOUT)"
    sleep 0.5
  done
  OPENSEARCH_SPAWNED=0
  # Single node: replicas can never be assigned. New indices get 0 replicas so they are green.
  # (Only honoured as a persistent cluster setting, not as a node setting.)
  curl -fsS -m 10 -X PUT "http://127.0.0.1:$OPENSEARCH_PORT/_cluster/settings" -H 'Content-Type: application/json' \
    -d '{"persistent":{"cluster.default_number_of_replicas":0}}' >/dev/null ||
    warn "opensearch: could not set cluster.default_number_of_replicas=0"
  log "opensearch: ready"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (the machine's server; never stopped by this script)
# ---------------------------------------------------------------------------------------------
pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

postgres_up() {
  command -v pg_isready >/dev/null || die "postgres: pg_isready not found (install postgresql-client / postgresql)"
  if ! pg_ready; then
    local version
    version="$(find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$version" ] || die "postgres: not reachable on $PGHOST:$PGPORT and no local cluster in /etc/postgresql"
    log "postgres: not reachable on $PGHOST:$PGPORT; starting cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || warn "pg_ctlcluster $version main start failed"
    local deadline=$((SECONDS + POSTGRES_START_TIMEOUT))
    until pg_ready; do
      if [ "$SECONDS" -ge "$deadline" ]; then
        printf '[infra] ERROR: postgres: not ready on %s:%s within %ss\n' "$PGHOST" "$PGPORT" "$POSTGRES_START_TIMEOUT" >&2
        tail_log postgres 40
        exit 1
      fi
      sleep 0.5
    done
  fi
  local db existing
  existing=" $(psql -X -d postgres -tAc "SELECT datname FROM pg_database WHERE datname LIKE 'itsm%'" | tr '\n' ' ') " ||
    die "postgres: cannot query $PGHOST:$PGPORT as $PGUSER"
  for db in $POSTGRES_DATABASES; do
    case "$existing" in
      *" $db "*) ;;
      *)
        # SELECT 1 FROM pg_database guards a concurrent creator; createdb fails if it exists.
        if [ "$(psql -X -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
          createdb "$db" || die "postgres: createdb $db failed"
          log "postgres: created database $db"
        fi
        ;;
    esac
  done
  log "postgres: ready ($PGHOST:$PGPORT, databases: $POSTGRES_DATABASES)"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------
print_endpoints() {
  local c
  for c in "$@"; do
    case "$c" in
      kafka) echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT" ;;
      opensearch) echo "OPENSEARCH_URL=http://127.0.0.1:$OPENSEARCH_PORT" ;;
      postgres) echo "DATABASE_URL base postgres://$PGUSER@$PGHOST:$PGPORT/   (databases: $POSTGRES_DATABASES)" ;;
    esac
  done
}

cmd_up() {
  local c
  # Spawn both JVMs first, then wait for them: their startups overlap.
  for c in "$@"; do
    case "$c" in
      postgres) postgres_up ;;
      kafka) kafka_spawn ;;
      opensearch) opensearch_spawn ;;
    esac
  done
  for c in "$@"; do
    case "$c" in
      kafka) kafka_wait ;;
      opensearch) opensearch_wait ;;
    esac
  done
  log "endpoints:"
  print_endpoints "$@"
}

cmd_down() {
  local c comps=()
  for c in "$@"; do comps=("$c" "${comps[@]}"); done # reverse order
  for c in "${comps[@]}"; do
    case "$c" in
      postgres) log "postgres: left running (it is the machine's PostgreSQL; this script never stops it)" ;;
      *) stop_process "$c" ;;
    esac
  done
}

cmd_status() {
  local c rc=0 pid
  for c in "$@"; do
    case "$c" in
      postgres)
        if pg_ready; then echo "postgres    up    $PGHOST:$PGPORT"; else
          echo "postgres    down  $PGHOST:$PGPORT"
          rc=1
        fi
        ;;
      kafka)
        if pid="$(running_pid kafka)" && port_open "$KAFKA_PORT"; then
          echo "kafka       up    127.0.0.1:$KAFKA_PORT (pid $pid)"
        else
          echo "kafka       down  127.0.0.1:$KAFKA_PORT"
          rc=1
        fi
        ;;
      opensearch)
        if pid="$(running_pid opensearch)" && opensearch_health; then
          echo "opensearch  up    http://127.0.0.1:$OPENSEARCH_PORT (pid $pid)"
        else
          echo "opensearch  down  http://127.0.0.1:$OPENSEARCH_PORT"
          rc=1
        fi
        ;;
    esac
  done
  return "$rc"
}

cmd_logs() {
  local c files=()
  for c in "$@"; do
    files+=("$(log_file "$c")")
  done
  exec tail -n 100 -F "${files[@]}"
}

main() {
  [ $# -ge 1 ] || {
    usage >&2
    exit 2
  }
  local cmd="$1" c
  shift
  local comps=("$@")
  [ ${#comps[@]} -gt 0 ] || read -r -a comps <<<"$ALL_COMPONENTS"
  for c in "${comps[@]}"; do
    case " $ALL_COMPONENTS " in
      *" $c "*) ;;
      *) die "unknown component '$c' (expected: $ALL_COMPONENTS)" ;;
    esac
  done

  case "$cmd" in
    up | start | down | stop | restart)
      # Serialize concurrent invocations (e.g. parallel test suites) on the same state dir.
      mkdir -p "$RUN_DIR" "$LOG_DIR"
      exec 9>"$RUN_DIR/infra.lock"
      if command -v flock >/dev/null; then
        flock -w 600 9 || die "timed out waiting for another infra.sh on $STATE_DIR"
      fi
      ;;
  esac

  case "$cmd" in
    up | start) cmd_up "${comps[@]}" ;;
    down | stop) cmd_down "${comps[@]}" ;;
    restart)
      cmd_down "${comps[@]}"
      cmd_up "${comps[@]}"
      ;;
    status) cmd_status "${comps[@]}" ;;
    logs) cmd_logs "${comps[@]}" ;;
    env) print_endpoints "${comps[@]}" | sed -e 's/^DATABASE_URL base \([^ ]*\).*/DATABASE_URL_BASE=\1/' -e 's/^/export /' ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
