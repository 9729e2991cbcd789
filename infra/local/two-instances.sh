#!/usr/bin/env bash
# Runs two CivicDesk instances on this machine against the same PostgreSQL and Redis (the
# machine's, 127.0.0.1:5432 and :6379), as a load balancer would see them. Used by the
# multi-instance tests and the benchmarks.
#
#   infra/local/two-instances.sh start     # build the jar if needed, start both, wait until ready
#   infra/local/two-instances.sh status
#   infra/local/two-instances.sh stop      # stop the two instances this script started
#
# Settings (environment): CIVICDESK_LOCAL_DB (civicdesk_local), CIVICDESK_LOCAL_PORTS ("8081 8082"),
# CIVICDESK_LOCAL_STATE (infra/local/.state), CIVICDESK_LOCAL_JAR (target/civicdesk-*.jar),
# CIVICDESK_LOCAL_ARGS (extra arguments for both), PGHOST/PGPORT/PGUSER, REDIS_URL.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
state=${CIVICDESK_LOCAL_STATE:-$here/.state}
db=${CIVICDESK_LOCAL_DB:-civicdesk_local}
ports=(${CIVICDESK_LOCAL_PORTS:-8081 8082})
pghost=${PGHOST:-127.0.0.1}
pgport=${PGPORT:-5432}
pguser=${PGUSER:-postgres}
redis=${REDIS_URL:-redis://127.0.0.1:6379}

jar() {
  local j=${CIVICDESK_LOCAL_JAR:-}
  if [ -z "$j" ]; then j=$(ls "$root"/target/civicdesk-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true); fi
  if [ -z "$j" ]; then
    echo "building the jar (./mvnw -DskipTests package)…" >&2
    (cd "$root" && ./mvnw -q -B -DskipTests package)
    j=$(ls "$root"/target/civicdesk-*.jar | head -n 1)
  fi
  echo "$j"
}

ensure_database() {
  if command -v psql >/dev/null 2>&1; then
    psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || psql -h "$pghost" -p "$pgport" -U "$pguser" -d postgres -qc "create database $db"
  else
    echo "psql not found: make sure database $db exists" >&2
  fi
}

start() {
  mkdir -p "$state"
  [ -s "$state/token-secret" ] || head -c 48 /dev/urandom | base64 -w0 > "$state/token-secret"
  ensure_database
  local j; j=$(jar)
  local i=0
  for port in "${ports[@]}"; do
    i=$((i + 1))
    if [ -s "$state/instance-$i.pid" ] && kill -0 "$(cat "$state/instance-$i.pid")" 2>/dev/null; then
      echo "instance $i already running (pid $(cat "$state/instance-$i.pid"))"
      continue
    fi
    SPRING_R2DBC_URL="r2dbc:postgresql://$pghost:$pgport/$db" \
    SPRING_R2DBC_USERNAME="$pguser" \
    SPRING_DATA_REDIS_URL="$redis" \
    CIVICDESK_IDENTITY_TOKEN_SECRET="$(cat "$state/token-secret")" \
    CIVICDESK_DIRECTORY_BOOTSTRAP_ADMIN_PASSWORD="${CIVICDESK_LOCAL_ADMIN_PASSWORD:-local-admin-password}" \
    CIVICDESK_PLATFORM_INSTANCE_ID="local-$i" \
    CIVICDESK_PLATFORM_REDIS_KEY_PREFIX="${CIVICDESK_LOCAL_REDIS_PREFIX:-local:}" \
    PORT="$port" \
      nohup java ${CIVICDESK_LOCAL_JAVA_OPTS:-} -jar "$j" ${CIVICDESK_LOCAL_ARGS:-} > "$state/instance-$i.log" 2>&1 &
    echo $! > "$state/instance-$i.pid"
    echo "instance $i: pid $!, http://127.0.0.1:$port, log $state/instance-$i.log"
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 1 120); do
      if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "instance on $port did not become ready" >&2; exit 1; }
  done
  echo "both ready"
}

stop() {
  local i=0
  for _ in "${ports[@]}"; do
    i=$((i + 1))
    local f="$state/instance-$i.pid"
    [ -s "$f" ] || continue
    local pid; pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "instance $i (pid $pid) stopped"
    fi
    rm -f "$f"
  done
}

status() {
  local i=0
  for port in "${ports[@]}"; do
    i=$((i + 1))
    local f="$state/instance-$i.pid"
    if [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then
      echo "instance $i: pid $(cat "$f"), port $port, $(curl -fs "http://127.0.0.1:$port/actuator/health/readiness" || echo 'not ready')"
    else
      echo "instance $i: not running"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
