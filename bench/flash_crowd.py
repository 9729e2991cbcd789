#!/usr/bin/env python3
"""Benchmark 1, flash crowd: N verified citizens book one hot date at its release time, against the
same app's bare route (POST /bench/bare: small JSON in and out, no I/O) in the same run.

    python3 bench/flash_crowd.py [--citizens 10000] [--seconds 30] [--connections 64]

Starts one instance from the built jar (infra/local/two-instances.sh, one port, its own database
and Redis prefix, the bare route switched on), makes the date 7 days ahead hot with one tranche
released shortly after set-up, warms both routes (the booking route with other citizens on the
ordinary day after, one seat per slot, so nearly all are refused by the Redis gate), then at the
release time fires the crowd with wrk (every request another citizen's token,
people and Idempotency-Key) and afterwards the bare route, each for --seconds with --connections.
Prints attempts/s, p50/p99, confirmed, rejected, overbooked (PostgreSQL: bookings over each
slot's capacity, must be 0) and the ratio to the bare route (goal >= 0.5), as text and JSON.

Needs the jar (./mvnw -q -B -ntp -Dweb.skip -DskipTests package), wrk, psql, the machine's
PostgreSQL and Redis. Final runs: flock /tmp/civicdesk-bench.lock python3 bench/flash_crowd.py
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crowd  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--citizens", type=int, default=10000)
    p.add_argument("--slots", type=int, default=14)
    p.add_argument("--capacity", type=int, default=20, help="seats per slot")
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--warmup", type=int, default=60)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--port", type=int, default=18181)
    p.add_argument("--keep", action="store_true", help="leave the instance running")
    p.add_argument("--java-opts", default="-Xms512m -Xmx1g",
                   help="JVM options of the instance (e.g. add -XX:StartFlightRecording=filename=crowd.jfr,settings=profile)")
    p.add_argument("--json", help="also write the result here")
    args = p.parse_args()

    state = os.path.join(crowd.ROOT, "target", "bench-crowd")
    prefix = f"bench-crowd-{int(time.time())}:"
    env = crowd.instance_env("civicdesk_bench_crowd", state, [args.port], prefix, java_opts=args.java_opts)
    base = f"http://127.0.0.1:{args.port}"
    try:
        crowd.start_instances(env)
        # Released once both warm-ups are over and the citizens are made.
        release_in = 2 * args.warmup + 30
        date, starts, release_at = crowd.hot_date_setup(base, args.slots, args.capacity, release_in)
        crowd.log(f"hot date {date}, {args.slots} slots x {args.capacity} seats, released in {release_in}s")
        secret = crowd.token_secret(state)
        people = crowd.citizens(secret, args.citizens, date, starts)
        # Other citizens warm up on the next day, so that none of the crowd holds a seat already.
        warm_day = crowd.warmup_day(base, date, starts)
        warm_people = crowd.citizens(secret, 2000, warm_day, starts, first=args.citizens)
        crowd_lua, bare_lua, warm_lua = (os.path.join(state, n) for n in ("crowd.lua", "bare.lua", "warm.lua"))
        crowd.crowd_script(crowd_lua, people)
        crowd.crowd_script(warm_lua, warm_people)
        crowd.bare_script(bare_lua, date, starts)

        crowd.log("warming up the bare route and the booking route (on the ordinary day after)")
        crowd.wrk(base, bare_lua, args.connections, args.warmup, args.threads)
        warm = crowd.wrk(base, warm_lua, args.connections, args.warmup, args.threads)
        if warm["s5xx"] or warm["s201"] > args.slots:
            raise SystemExit(f"warm-up failed: {warm}")
        crowd.wait_for_release(release_at)

        crowd.log("the crowd")
        c = crowd.wrk(base, crowd_lua, args.connections, args.seconds, args.threads)
        crowd.log("the bare route")
        b = crowd.wrk(base, bare_lua, args.connections, args.seconds, args.threads)
        confirmed, over, capacity = crowd.booked(env["CIVICDESK_LOCAL_DB"], date)
        report(args, c, b, confirmed, over, capacity)
    finally:
        if not args.keep:
            crowd.stop_instances(env)
            crowd.drop_redis_prefix(prefix)


def report(args, c, b, confirmed, over, capacity):
    rejected = c["s409"] + c["s422"] + c["s4xx"]
    out = crowd.summary("flash-crowd", "bench/flash_crowd.py", args, c, b, confirmed, over, capacity)
    errors = out["crowd"]["errors"]
    m = out["machine"]
    print(f"""
Flash crowd — {m['date']}, {m['nproc']} cores ({m['cpu']}), {m['java']}
  crowd : {c['requests']} attempts in {args.seconds}s = {c['rate']:.0f}/s, p50 {c['p50_us']/1000:.2f} ms, p99 {c['p99_us']/1000:.2f} ms
          confirmed {c['s201']} (PostgreSQL: {confirmed} of {capacity} seats), rejected {rejected} (409: {c['s409']}, 422: {c['s422']}, other 4xx: {c['s4xx']}), errors {errors}
  bare  : {b['requests']} requests = {b['rate']:.0f}/s, p50 {b['p50_us']/1000:.2f} ms, p99 {b['p99_us']/1000:.2f} ms
  overbooked {over}   ratio crowd/bare {out['ratio']:.3f} (goal >= 0.5)
""")
    print(json.dumps(out, ensure_ascii=False))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
    if over:
        sys.exit(3)


if __name__ == "__main__":
    main()
