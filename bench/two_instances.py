#!/usr/bin/env python3
"""Benchmark 3, two instances: the flash crowd of bench/flash_crowd.py split across two instances
(infra/local/two-instances.sh, ports 8081 and 8082, one PostgreSQL and one Redis), the bare route
the same way as its anchor, and a notice issued on the first instance while the crowd runs, timed
until it reaches STOMP subscribers (/topic/notices) on both.

    python3 bench/two_instances.py [--citizens 10000] [--seconds 30] [--connections 64]

Prints attempts/s (both instances together), p50/p99 (the worse of the two), confirmed, overbooked
(PostgreSQL, must be 0), the ratio to the bare route, and when each subscriber saw the notice.
Final runs: flock /tmp/civicdesk-bench.lock python3 bench/two_instances.py
"""
import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import crowd  # noqa: E402
from stomp_ws import StompSubscriber  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--citizens", type=int, default=10000)
    p.add_argument("--slots", type=int, default=14)
    p.add_argument("--capacity", type=int, default=20)
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--warmup", type=int, default=60)
    p.add_argument("--connections", type=int, default=64, help="in all, half per instance")
    p.add_argument("--ports", default="8081,8082")
    p.add_argument("--subscribers", type=int, default=2, help="STOMP subscribers per instance")
    p.add_argument("--java-opts", default="-Xms512m -Xmx1g")
    p.add_argument("--json")
    args = p.parse_args()

    ports = [int(x) for x in args.ports.split(",")]
    state = os.path.join(crowd.ROOT, "target", "bench-two")
    prefix = f"bench-two-{int(time.time())}:"
    env = crowd.instance_env("civicdesk_bench_two", state, ports, prefix, java_opts=args.java_opts)
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    half = max(1, args.connections // 2)
    subscribers = []
    try:
        crowd.start_instances(env)
        release_in = 2 * args.warmup + 35
        date, starts, release_at = crowd.hot_date_setup(bases[0], args.slots, args.capacity, release_in)
        crowd.log(f"hot date {date}, {args.slots} slots x {args.capacity} seats, released in {release_in}s")
        secret = crowd.token_secret(state)
        people = crowd.citizens(secret, args.citizens, date, starts)
        warm_day = crowd.warmup_day(bases[0], date, starts)
        warm_people = crowd.citizens(secret, 2000, warm_day, starts, first=args.citizens)
        scripts = {}
        for i in range(2):
            scripts[("crowd", i)] = os.path.join(state, f"crowd-{i}.lua")
            scripts[("warm", i)] = os.path.join(state, f"warm-{i}.lua")
            crowd.crowd_script(scripts[("crowd", i)], people[i::2], offset=i)
            crowd.crowd_script(scripts[("warm", i)], warm_people[i::2], offset=i)
        scripts["bare"] = os.path.join(state, "bare.lua")
        crowd.bare_script(scripts["bare"], date, starts)

        def both(kind, seconds):
            procs = [crowd.wrk(bases[i], scripts[kind] if kind == "bare" else scripts[(kind, i)], half, seconds,
                               threads=1, wait=False) for i in range(2)]
            return [crowd.result(proc) for proc in procs]

        crowd.log("warming up both instances")
        both("bare", args.warmup)
        both("warm", args.warmup)

        admin = crowd.staff_token(bases[0])
        _, unit = crowd.call(bases[0], "POST", "/api/v1/units",
                             {"name": "基准测试科室", "type": "BUREAU_SECTION", "contacts": []}, admin)
        for port in ports:
            for k in range(args.subscribers):
                subscribers.append(StompSubscriber("127.0.0.1", port, crowd.staff_token(bases[0]), "/topic/notices",
                                                   name=f"{port}#{k + 1}"))
        crowd.wait_for_release(release_at)

        crowd.log("the crowd on both instances; a notice from the first halfway through")
        issued = {}

        def issue():
            time.sleep(args.seconds / 2)
            title = f"基准测试通知 {int(time.time())}"
            issued["at"] = time.time()
            _, notice = crowd.call(bases[0], "POST", "/api/v1/staff/notices", {
                "title": title, "body": "两个实例的订阅者都应收到。", "severity": "INFO",
                "audience": {"unitIds": [unit["id"]]}}, admin)
            issued["id"], issued["title"] = notice["id"], title

        notifier = threading.Thread(target=issue)
        notifier.start()
        c = both("crowd", args.seconds)
        notifier.join()
        crowd.log("the bare route on both instances")
        b = both("bare", args.seconds)
        time.sleep(1)
        confirmed, over, capacity = crowd.booked(env["CIVICDESK_LOCAL_DB"], date)
        seen = {s.name: s.first(issued["title"]) for s in subscribers}
        report(args, c, b, confirmed, over, capacity, issued, seen)
    finally:
        for s in subscribers:
            s.close()
        crowd.stop_instances(env)
        crowd.drop_redis_prefix(prefix)


def report(args, parts, bare_parts, confirmed, over, capacity, issued, seen):
    c, b = crowd.combine(parts), crowd.combine(bare_parts)
    delays = {name: (None if at is None else round((at - issued["at"]) * 1000)) for name, at in seen.items()}
    reached = all(v is not None for v in delays.values())
    out = crowd.summary("two-instances", "bench/two_instances.py", args, c, b, confirmed, over, capacity)
    errors = out["crowd"]["errors"]
    out["crowd"]["per_instance_per_s"] = [round(x["rate"]) for x in parts]
    out["notice"] = {"id": issued.get("id"), "delivery_ms": delays, "reached_all": reached}
    m = out["machine"]
    print(f"""
Two instances — {m['date']}, {m['nproc']} cores ({m['cpu']}), {m['java']}
  crowd : {c['requests']} attempts in {args.seconds}s = {c['rate']:.0f}/s ({' + '.join(str(round(x['rate'])) for x in parts)}), p50 {c['p50_us']/1000:.2f} ms, p99 {c['p99_us']/1000:.2f} ms
          confirmed {c['s201']} (PostgreSQL: {confirmed} of {capacity} seats), rejected {c['s409'] + c['s422'] + c['s4xx']}, errors {errors}
  bare  : {b['requests']} requests = {b['rate']:.0f}/s, p50 {b['p50_us']/1000:.2f} ms, p99 {b['p99_us']/1000:.2f} ms
  overbooked {over}   ratio crowd/bare {out['ratio']:.3f}
  notice {issued.get('id')} issued on the first instance, seen by {sum(v is not None for v in delays.values())}/{len(delays)} subscribers: {delays} (ms)
""")
    print(json.dumps(out, ensure_ascii=False))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
    if over or not reached:
        sys.exit(3)


if __name__ == "__main__":
    main()
