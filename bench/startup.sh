#!/usr/bin/env bash
# Start-up time of the embedded default: `java -jar target/civicdesk-*.jar` with nothing configured
# but a fresh data directory (so the embedded PostgreSQL is initialised, migrated and seeded each
# time, as on a first start) and a free port, until /actuator/health/readiness answers 200.
# Runs it RUNS times (default 3) and prints each time and the median.
#   bench/startup.sh [runs]            (run from the repository root after ./mvnw package)
# Each run is bounded: 120 s without readiness fails the run and the script exits 1.
set -euo pipefail
RUNS=${1:-3}
JAR=$(ls target/civicdesk-*.jar | head -1)
PORT=${PORT:-18490}
times=()
cpus=()
for run in $(seq "$RUNS"); do
  dir=$(mktemp -d /tmp/civicdesk-startup.XXXXXX)
  start=$(date +%s.%N)
  # The JVM (and the embedded PostgreSQL it starts) must not keep flock's lock descriptor open.
  (for fd in /proc/$BASHPID/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null || true; done
   cd "$dir" && exec java -jar "$OLDPWD/$JAR" --server.port="$PORT" --civicdesk.platform.data-dir="$dir/data" > "$dir/app.log" 2>&1) &
  pid=$!
  ready=""
  while [ -z "$ready" ]; do
    if curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q 200; then
      ready=$(date +%s.%N)
      # CPU the JVM used to get there (user + system, clock ticks of 10 ms): independent of how
      # busy the machine is, and with 2 cores the wall time cannot be below half of it.
      cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat")
    elif ! kill -0 "$pid" 2>/dev/null; then
      echo "run $run: the application exited; see $dir/app.log" >&2; exit 1
    elif [ "$(echo "$(date +%s.%N) - $start > 120" | bc)" = 1 ]; then
      kill "$pid"; echo "run $run: not ready within 120 s; see $dir/app.log" >&2; exit 1
    else
      sleep 0.1
    fi
  done
  t=$(echo "$ready - $start" | bc)
  started=$(grep -o 'Started CivicDeskApplication in [0-9.]* seconds' "$dir/app.log" | grep -o '[0-9.]*' | head -1 || true)
  printf 'run %d: ready after %.2f s (Spring: "Started in %s s"), JVM CPU %.1f s, load %s\n' "$run" "$t" "$started" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  times+=("$t")
  cpus+=("$cpu")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # The embedded PostgreSQL and Redis stop with the JVM; leave their files behind only on failure.
  rm -rf "$dir"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
printf 'median of %d: %.2f s to readiness, JVM CPU %.1f s (%s, %s cores)\n' "$RUNS" "$median" "$cpu_median" "$(java -version 2>&1 | head -1)" "$(nproc)"
