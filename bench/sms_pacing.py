#!/usr/bin/env python3
"""Benchmark 4, SMS pacing: 10,000 messages through two CivicDesk instances (sharing one pace) to a
fake Twilio at a configured rate. Reports the achieved rate against the configured one (goal: within
5 %), the most messages seen in any one second, and duplicates (goal: 0).

    python3 bench/sms_pacing.py [--messages 10000] [--rate 200] [--warmup 2000]

First --warmup messages are sent and discarded (right after start-up the C2 compiler takes about
half of an instance's CPU), then the 10,000 are queued at once and measured.

Needs the jar (./mvnw -DskipTests package), the machine's PostgreSQL and Redis, and psql.
"""
import argparse
import collections
import json
import os
import platform
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def psql(db, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qtAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def received(port, warmup=False):
    """The messages of the run (or of the warm-up) the fake Twilio has received."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/received") as r:
        records = [json.loads(line) for line in r.read().decode().splitlines() if line]
    return [r for r in records if r["body"].startswith("预热消息") == warmup]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--port", type=int, default=18900)
    parser.add_argument("--warmup", type=int, default=2000,
                        help="messages sent and discarded first, so that the JIT has compiled the send path")
    args = parser.parse_args()

    db = "civicdesk_bench_sms"
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc",
                    f"drop database if exists {db} with (force)"], check=True)
    fake = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_twilio.py"), "--port", str(args.port)])
    env = dict(os.environ,
               CIVICDESK_LOCAL_DB=db,
               CIVICDESK_LOCAL_STATE=os.path.join(ROOT, "target", "bench-sms"),
               CIVICDESK_LOCAL_REDIS_PREFIX=f"bench-sms-{int(time.time())}:",
               CIVICDESK_TWILIO_ACCOUNT_SID="AC00000000000000000000000000000001",
               CIVICDESK_TWILIO_AUTH_TOKEN="bench-twilio-auth-token",
               CIVICDESK_TWILIO_FROM_NUMBER="+15005550006",
               CIVICDESK_TWILIO_API_BASE_URL=f"http://127.0.0.1:{args.port}",
               CIVICDESK_SMS_MESSAGES_PER_SECOND=str(args.rate))
    script = os.path.join(ROOT, "infra", "local", "two-instances.sh")
    try:
        subprocess.run([script, "start"], check=True, env=env)
        if args.warmup > 0:
            # Unmeasured: right after start-up the C2 compiler takes about half of an instance's CPU.
            psql(db, f"""insert into sms_messages (idempotency_key, to_phone, body, purpose, status)
                         select 'warm:' || g, '+86138' || lpad((10000000 + g)::text, 8, '0'), '预热消息 ' || g, 'OTHER', 'PENDING'
                           from generate_series(1, {args.warmup}) g""")
            warm_deadline = time.time() + args.warmup / args.rate * 2 + 60
            while time.time() < warm_deadline and len(received(args.port, warmup=True)) < args.warmup:
                time.sleep(1)
            time.sleep(2)
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/reset").read()
        # Queue every message at once, straight into the outbox both instances drain.
        psql(db, f"""insert into sms_messages (idempotency_key, to_phone, body, purpose, status)
                     select 'bench:' || g, '+86139' || lpad((10000000 + g)::text, 8, '0'), '基准测试消息 ' || g, 'OTHER', 'PENDING'
                       from generate_series(1, {args.messages}) g""")
        queued = time.time()
        deadline = queued + args.messages / args.rate * 1.5 + 60
        records = []
        while time.time() < deadline:
            time.sleep(2)
            records = received(args.port)
            if len(records) >= args.messages:
                break
        time.sleep(3)  # anything sent twice would arrive now
        records = received(args.port)
    finally:
        subprocess.run([script, "stop"], env=env)
        fake.terminate()

    times = sorted(r["at"] for r in records)
    keys = collections.Counter((r["to"], r["body"]) for r in records)
    duplicates = sum(c - 1 for c in keys.values() if c > 1)
    span = times[-1] - times[0] if len(times) > 1 else 0
    achieved = (len(times) - 1) / span if span > 0 else 0
    per_second = collections.Counter(int(t) for t in times)
    busiest = max(per_second.values()) if per_second else 0
    result = {
        "benchmark": "sms-pacing",
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores",
        "command": " ".join(["python3", "bench/sms_pacing.py", "--messages", str(args.messages), "--rate", str(args.rate),
                             "--warmup", str(args.warmup)]),
        "warmup_messages": args.warmup,
        "instances": 2,
        "messages_queued": args.messages,
        "messages_received": len(records),
        "distinct_received": len(keys),
        "duplicates": duplicates,
        "configured_rate_per_s": args.rate,
        "achieved_rate_per_s": round(achieved, 2),
        "ratio_to_configured": round(achieved / args.rate, 4) if args.rate else None,
        "busiest_second": busiest,
        "within_5_percent": abs(achieved - args.rate) <= 0.05 * args.rate,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    os.makedirs(os.path.join(ROOT, "target", "bench"), exist_ok=True)
    with open(os.path.join(ROOT, "target", "bench", "sms-pacing.json"), "w") as out:
        json.dump(result, out, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
