#!/usr/bin/env bash
# Every benchmark of docs/benchmarks.md, one after the other, on the jar built from this tree:
#
#   ./mvnw -q -B -ntp -Dweb.skip -DskipTests package
#   flock /tmp/civicdesk-bench.lock bench/all.sh          # results in target/bench-all/
#
# Each benchmark is bounded by its own deadlines; this prints their exit codes and where the output is.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=target/bench-all
mkdir -p "$OUT"
echo "== start $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD 2>/dev/null) load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/flash_crowd.py --json "$OUT/crowd.json" > "$OUT/crowd.log" 2>&1; echo "flash crowd rc=$?"
bench/fanout.sh > "$OUT/fanout.log" 2>&1; echo "fan-out and memory rc=$?"
python3 bench/two_instances.py --json "$OUT/two.json" > "$OUT/two.log" 2>&1; echo "two instances rc=$?"
python3 bench/sms_pacing.py --messages 10000 --rate 200 > "$OUT/sms.log" 2>&1; echo "sms pacing rc=$?"
bench/startup.sh 3 > "$OUT/startup.log" 2>&1; echo "start-up rc=$?"
echo "== end $(date -u +%FT%TZ); logs in $OUT/"
