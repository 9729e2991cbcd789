#!/usr/bin/env python3
"""Heap held per idle, subscribed STOMP connection of a running CivicDesk JVM.

Forces a full GC and takes a class histogram of live objects (jcmd GC.class_histogram, which
collects first), opens N idle connections subscribed to /topic/notices with the load generator
(bench/fanout/fanout.mjs --hold), takes another, and divides the difference by N. Prints the
classes whose live bytes grew most, per connection: that is what each connection holds.

  bench/stomp_memory.py --pid <jvm pid> --base http://127.0.0.1:8080 [--connections 2000]
                        [--password demo-password] [--top 25] [--deadline 300]

Exits non-zero if a connection closed, or when the deadline is hit.
"""
import argparse
import os
import re
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def histogram(pid):
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], capture_output=True, text=True, timeout=120).stdout
    classes = {}
    total = None
    for line in out.splitlines():
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
        t = re.match(r"Total\s+(\d+)\s+(\d+)", line)
        if t:
            total = int(t.group(2))
    return total, classes


def heap_used(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=120)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) * 1024 if m else None


def settle(pid):
    # Two collections a moment apart: what the first leaves to finalizers/cleaners goes in the second.
    heap_used(pid)
    time.sleep(1)
    used = heap_used(pid)
    total, classes = histogram(pid)
    return used, total, classes


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--base", default="http://127.0.0.1:8080")
    p.add_argument("--connections", type=int, default=2000)
    p.add_argument("--password", default=os.environ.get("CIVICDESK_DEMO_PASSWORD", ""))
    p.add_argument("--destination", default="/topic/notices")
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--deadline", type=int, default=300)
    a = p.parse_args()
    start = time.monotonic()

    used0, total0, classes0 = settle(a.pid)
    gen = subprocess.Popen(["node", os.path.join(HERE, "fanout", "fanout.mjs"), "--target", "ours", "--base", a.base,
                            "--password", a.password, "--subscribers", str(a.connections), "--destination", a.destination,
                            "--hold", str(a.deadline), "--deadline", str(a.deadline)],
                           stdout=subprocess.PIPE, text=True)
    try:
        line = gen.stdout.readline()
        if not line.startswith("READY"):
            print("load generator did not get ready: " + line, file=sys.stderr)
            return 1
        time.sleep(2)
        used1, total1, classes1 = settle(a.pid)
    finally:
        gen.send_signal(signal.SIGTERM)
        try:
            rc = gen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            gen.kill()
            rc = -1
    n = a.connections
    print(f"connections: {n}   (JVM pid {a.pid}, {a.base}, subscribed to {a.destination}, heart-beat 0,0)")
    print(f"heap used after full GC : {used0 / 1e6:.1f} MB -> {used1 / 1e6:.1f} MB   = {(used1 - used0) / n:,.0f} bytes per connection")
    print(f"live objects (histogram): {total0 / 1e6:.1f} MB -> {total1 / 1e6:.1f} MB   = {(total1 - total0) / n:,.0f} bytes per connection")
    diffs = []
    for name, (inst1, bytes1) in classes1.items():
        inst0, bytes0 = classes0.get(name, (0, 0))
        if bytes1 - bytes0 > 0:
            diffs.append((bytes1 - bytes0, inst1 - inst0, name))
    diffs.sort(reverse=True)
    print(f"\n{'bytes/conn':>10} {'objs/conn':>9}  class (top {a.top} by growth)")
    for d_bytes, d_inst, name in diffs[:a.top]:
        print(f"{d_bytes / n:>10.0f} {d_inst / n:>9.2f}  {name}")
    if time.monotonic() - start > a.deadline:
        return 2
    return 0 if rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
