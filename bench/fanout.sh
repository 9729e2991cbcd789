#!/usr/bin/env bash
# Issue 7, item 2: one message to 1,000 and 5,000 STOMP-over-WebSocket subscribers, CivicDesk
# against RabbitMQ's Web-STOMP plugin on the same machine; then item 5's memory per idle
# subscribed connection on the same CivicDesk instance. One command, a table at the end:
#
#   ./mvnw -q -B -ntp -Dweb.skip -DskipTests package
#   flock /tmp/civicdesk-bench.lock bench/fanout.sh          # SUBSCRIBERS="1000 5000" MESSAGES=20 WARMUP_PASSES=3
#
# CivicDesk runs as the embedded default (`java -jar`, a fresh data directory in a temp folder,
# port 18480): subscribers on /topic/notices with the admin's token, each message a notice issued
# with POST /api/v1/staff/notices. RabbitMQ is a node of the benchmark's own (bench/fanout/
# rabbit-node.sh; the machine's node has too few file descriptors): subscribers on /topic/x, each
# message a SEND from a publisher connection. The load generator is bench/fanout/fanout.mjs.
# Everything is bounded: each step has a deadline, the whole run 30 minutes (exit 124).
set -euo pipefail
# The whole run is bounded; timeout's TERM runs the cleanup below.
if [ -z "${FANOUT_BOUNDED:-}" ]; then FANOUT_BOUNDED=1 exec timeout 1800 "$0" "$@"; fi
cd "$(dirname "$0")/.."
ROOT=$PWD
SUBSCRIBERS=${SUBSCRIBERS:-"1000 5000"}
MESSAGES=${MESSAGES:-20}
MEMORY_CONNECTIONS=${MEMORY_CONNECTIONS:-2000}
PORT=${PORT:-18480}
RABBIT_URL=ws://127.0.0.1:15675/ws
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d /tmp/civicdesk-fanout.XXXXXX)
ulimit -n 20000
# What this script starts must not keep the caller's descriptors (flock's lock) open after it.
closefds() { for fd in /proc/$BASHPID/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true; done; }

JAR=$(ls target/civicdesk-*.jar | head -1)
[ -d bench/fanout/node_modules/ws ] || (cd bench/fanout && npm ci --no-audit --no-fund >/dev/null)

APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  rm -rf "$WORK/data"   # the embedded database; the results and the log stay in $WORK
  bench/fanout/rabbit-node.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM

echo "== $(date -u +%FT%TZ)  $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1), node $(node --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== CivicDesk: $JAR, embedded default in $WORK, port $PORT"
(closefds; cd "$WORK" && CIVICDESK_DEMO_PASSWORD=$PASSWORD exec java -jar "$ROOT/$JAR" --server.port="$PORT" \
  --civicdesk.platform.data-dir="$WORK/data" > "$WORK/app.log" 2>&1) &
APP=$!
for i in $(seq 1800); do
  curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q 200 && break
  kill -0 "$APP" 2>/dev/null || { echo "CivicDesk exited; see $WORK/app.log" >&2; exit 1; }
  [ "$i" = 1800 ] && { echo "CivicDesk not ready within 180 s" >&2; exit 1; }
  sleep 0.1
done
echo "== RabbitMQ: $(closefds; bench/fanout/rabbit-node.sh start)"
BEAM=$(for p in $(pgrep beam.smp || true); do grep -qz RABBITMQ_NODENAME=civicbench /proc/$p/environ 2>/dev/null && echo "$p"; done | head -1)

# Unmeasured passes per server first (1,000 subscribers, 20 messages each): the JVM's JIT compiles
# the publish and fan-out paths there, not during the measured runs. One pass is not enough: the
# notice API runs once per message, and C2 was still compiling it (half of the server's CPU while
# publishing) in the second and third runs. WARMUP_PASSES=0 skips them.
WARMUP_PASSES=${WARMUP_PASSES:-3}
if [ "$WARMUP_PASSES" -gt 0 ]; then
  echo "== warm-up: $WARMUP_PASSES passes per server (not measured)"
  for _ in $(seq "$WARMUP_PASSES"); do
    node bench/fanout/fanout.mjs --target ours --base "http://127.0.0.1:$PORT" --password "$PASSWORD" \
      --subscribers 1000 --messages 20 --deadline 300 --json > /dev/null
    node bench/fanout/fanout.mjs --target rabbit --url "$RABBIT_URL" --subscribers 1000 --messages 20 --deadline 300 --json > /dev/null
  done
fi

workers() { if [ "$1" -ge 5000 ]; then echo 4; else echo 2; fi; }
RESULTS=$WORK/results.jsonl
for n in $SUBSCRIBERS; do
  echo "== $n subscribers: CivicDesk"
  node bench/fanout/fanout.mjs --target ours --base "http://127.0.0.1:$PORT" --password "$PASSWORD" \
    --subscribers "$n" --messages "$MESSAGES" --workers "$(workers "$n")" --deadline 300 --server-pid "$APP" --json | tee -a "$RESULTS"
  sleep 3
  echo "== $n subscribers: RabbitMQ Web-STOMP"
  node bench/fanout/fanout.mjs --target rabbit --url "$RABBIT_URL" --server-pid "${BEAM:-0}" \
    --subscribers "$n" --messages "$MESSAGES" --workers "$(workers "$n")" --deadline 300 --json | tee -a "$RESULTS"
  sleep 3
done

echo "== memory per idle subscribed connection ($MEMORY_CONNECTIONS connections)"
python3 bench/stomp_memory.py --pid "$APP" --base "http://127.0.0.1:$PORT" \
  --password "$PASSWORD" --connections "$MEMORY_CONNECTIONS" --deadline 300 --top 15 | tee "$WORK/memory.txt"

echo
echo "== Fan-out, $MESSAGES messages each (after 2 warm-up messages), ms; load generator on the same 2 cores"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const f = (v) => String(v).padStart(8);
console.log("target    subscribers  deliv p50  deliv p99   last p50   last p99  first p50   lost  server us/deliv  subs us/deliv  vs RabbitMQ (last p99)");
for (const r of rows) {
  const rabbit = rows.find((x) => x.target === "rabbit" && x.subscribers === r.subscribers);
  const ratio = r.target === "ours" && rabbit ? (r.last_p99_ms / rabbit.last_p99_ms).toFixed(2) + "x" : "";
  console.log(r.target.padEnd(9) + String(r.subscribers).padStart(12) + " " + f(r.delivery_p50_ms) + "   " + f(r.delivery_p99_ms) + "   "
    + f(r.last_p50_ms) + "   " + f(r.last_p99_ms) + "   " + f(r.first_p50_ms) + " " + String(r.lost).padStart(6) + "  "
    + String(r.server_cpu_us_per_delivery).padStart(15) + " " + String(r.subscribers_cpu_us_per_delivery).padStart(14) + "  " + ratio);
}' "$RESULTS"
echo "== load after the run: $(cut -d' ' -f1-3 /proc/loadavg); raw results in $RESULTS"
