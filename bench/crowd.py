"""Shared pieces of the HTTP benchmarks (flash_crowd.py, two_instances.py): instances through
infra/local/two-instances.sh, a hot date set up through the staff API, citizen tokens, wrk runs
with a Lua script, and the overbooking check in PostgreSQL. Python standard library only.

Citizen tokens are minted here the way the service's TokenIssuer writes them (HS256 JWT, the
claims phone verification gives) with the token secret the benchmark hands the instances: the SMS
code route is rate-limited per phone and per client address (civicdesk.identity.codes-per-*), so
thousands of citizens cannot verify from one address in a benchmark's time. The verification
route has tests of its own.
"""
import base64
import datetime
import hashlib
import hmac
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPT = os.path.join(ROOT, "infra", "local", "two-instances.sh")
SERVICE = "MARRIAGE_REGISTRATION"
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))  # Asia/Shanghai has no DST
ADMIN_PASSWORD = "bench-admin-password"


def log(*args):
    print("[bench]", *args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- instances

def psql(db, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qtAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def instance_env(db, state, ports, prefix, extra_args="", java_opts="-Xms512m -Xmx1g"):
    os.makedirs(state, exist_ok=True)
    secret_file = os.path.join(state, "token-secret")
    if not os.path.exists(secret_file) or os.path.getsize(secret_file) == 0:
        with open(secret_file, "w") as f:
            f.write(base64.b64encode(os.urandom(48)).decode())
    return dict(os.environ,
                CIVICDESK_LOCAL_DB=db,
                CIVICDESK_LOCAL_STATE=state,
                CIVICDESK_LOCAL_PORTS=" ".join(str(p) for p in ports),
                CIVICDESK_LOCAL_REDIS_PREFIX=prefix,
                CIVICDESK_LOCAL_ADMIN_PASSWORD=ADMIN_PASSWORD,
                CIVICDESK_LOCAL_JAVA_OPTS=java_opts,
                CIVICDESK_LOCAL_ARGS=("--civicdesk.platform.bench-routes=true --spring.r2dbc.pool.max-size=10 "
                                      + extra_args).strip())


def token_secret(state):
    with open(os.path.join(state, "token-secret")) as f:
        return base64.b64decode(f.read().strip())


def start_instances(env, fresh_db=True):
    db = env["CIVICDESK_LOCAL_DB"]
    if fresh_db:
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc",
                        f"drop database if exists {db} with (force)"], check=True)
    subprocess.run([SCRIPT, "start"], check=True, env=env, timeout=240)


def stop_instances(env):
    subprocess.run([SCRIPT, "stop"], env=env, timeout=120)


def drop_redis_prefix(prefix):
    if shutil.which("redis-cli"):
        keys = subprocess.run(["redis-cli", "-h", "127.0.0.1", "--scan", "--pattern", prefix + "*"],
                              capture_output=True, text=True).stdout.split()
        for i in range(0, len(keys), 500):
            subprocess.run(["redis-cli", "-h", "127.0.0.1", "del", *keys[i:i + 500]], capture_output=True)


# ---------------------------------------------------------------- HTTP

def call(base, method, path, body=None, token=None, expect=(200, 201, 204)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    req.add_header("Accept-Language", "en")
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            status, text = res.status, res.read().decode()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read().decode()
    if expect and status not in expect:
        raise RuntimeError(f"{method} {path} → {status}: {text[:400]}")
    return status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)


def staff_token(base):
    _, body = call(base, "POST", "/api/v1/auth/login", {"username": "admin", "password": ADMIN_PASSWORD})
    return body["token"]


# ---------------------------------------------------------------- the hot date

def hot_date_setup(base, slots, capacity, release_in_s):
    """Makes the date 7 days ahead hot, released whole (one tranche) release_in_s from now, with
    `slots` half-hour slots of `capacity` seats each (none held back). Returns (date, starts, at)."""
    admin = staff_token(base)
    now = datetime.datetime.now(SHANGHAI)
    release = (now + datetime.timedelta(seconds=release_in_s)).replace(microsecond=0)
    date = (now + datetime.timedelta(days=7)).date()
    if release.date() != now.date():
        raise SystemExit("too close to midnight in Asia/Shanghai: run again in a minute")
    starts, plan = [], []
    t = datetime.datetime.combine(date, datetime.time(8, 30))
    for _ in range(slots):
        starts.append(t.strftime("%H:%M"))
        plan.append({"start": t.strftime("%H:%M"), "end": (t + datetime.timedelta(minutes=30)).strftime("%H:%M"),
                     "capacity": capacity, "reserved": 0})
        t += datetime.timedelta(minutes=30)
    call(base, "PUT", f"/api/v1/staff/quotas/{SERVICE}/rules", {
        "minNoticeMinutes": 60, "maxDaysAhead": 14, "releaseTime": "08:30", "reserveShare": 0,
        "reserveCutoff": "18:00"}, admin)
    call(base, "PUT", f"/api/v1/staff/quotas/{SERVICE}/hot-template", {
        "slots": plan, "tranches": [{"daysAhead": 7, "time": release.strftime("%H:%M:%S"), "share": 1}]}, admin)
    status, _ = call(base, "PUT", f"/api/v1/staff/quotas/{SERVICE}/hot-dates/{date}", {"name": "基准测试"}, admin,
                     expect=(200, 201, 400))
    call(base, "PUT", f"/api/v1/staff/quotas/{SERVICE}/{date}", {"slots": plan}, admin)
    _, day = call(base, "GET", f"/api/v1/staff/quotas/{SERVICE}/{date}", token=admin)
    if not day.get("hot"):
        raise RuntimeError(f"the day did not turn hot: {day}")
    return date, starts, release.astimezone(datetime.timezone.utc).timestamp()


def warmup_day(base, date, starts):
    """An ordinary day (already released) after the hot one with one seat per slot: warming up on
    it runs the whole path, Redis refusals included, before the hot date opens."""
    admin = staff_token(base)
    warm = date + datetime.timedelta(days=1)
    plan = [{"start": s, "end": (datetime.datetime.combine(warm, datetime.time.fromisoformat(s))
                                 + datetime.timedelta(minutes=30)).strftime("%H:%M"), "capacity": 1, "reserved": 0}
            for s in starts]
    call(base, "PUT", f"/api/v1/staff/quotas/{SERVICE}/{warm}", {"slots": plan}, admin)
    return warm


# ---------------------------------------------------------------- citizens

def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def citizen_token(secret, phone, now=None):
    now = int(now or time.time())
    header = {"alg": "HS256"}
    claims = {"iss": "civicdesk", "jti": str(uuid.uuid4()), "sub": phone, "iat": now, "exp": now + 12 * 3600,
              "kind": "citizen", "roles": ["CITIZEN"]}
    signing = _b64(json.dumps(header, separators=(",", ":")).encode()) + "." + \
        _b64(json.dumps(claims, separators=(",", ":")).encode())
    return signing + "." + _b64(hmac.new(secret, signing.encode(), hashlib.sha256).digest())


_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def resident_id(birth, sequence):
    first = "110105" + birth.strftime("%Y%m%d") + f"{sequence:03d}"
    return first + "10X98765432"[sum(int(c) * w for c, w in zip(first, _WEIGHTS)) % 11]


def citizens(secret, count, date, starts, first=0):
    """count citizens (numbered from first), each a token and a marriage booking body for the date
    (slots in turn)."""
    out = []
    base = datetime.date(1975, 1, 1)
    for i in range(first, first + count):
        birth = base + datetime.timedelta(days=i // 400)
        seq = (i % 400) * 2
        body = {"service": SERVICE, "date": str(date), "slotStart": starts[i % len(starts)],
                "parties": [{"name": f"张{i}", "idNumber": resident_id(birth, seq + 1)},
                            {"name": f"李{i}", "idNumber": resident_id(birth, seq + 2)}],
                "companions": 0, "declaration": {"recentTravel": []}}
        out.append((citizen_token(secret, "+86139" + f"{i:08d}"), json.dumps(body, ensure_ascii=False,
                                                                                separators=(",", ":"))))
    return out


# ---------------------------------------------------------------- wrk

def _lua_str(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


COUNTERS = """
local counts = {s2xx = 0, s201 = 0, s409 = 0, s422 = 0, s4xx = 0, s5xx = 0}
function response(status, headers, body)
  if status == 201 then counts.s201 = counts.s201 + 1
  elseif status < 300 then counts.s2xx = counts.s2xx + 1
  elseif status == 409 then counts.s409 = counts.s409 + 1
  elseif status == 422 then counts.s422 = counts.s422 + 1
  elseif status < 500 then counts.s4xx = counts.s4xx + 1
  else counts.s5xx = counts.s5xx + 1 end
  s201, s2xx, s409, s422, s4xx, s5xx = counts.s201, counts.s2xx, counts.s409, counts.s422, counts.s4xx, counts.s5xx
end
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function done(summary, latency, requests)
  local t = {s201 = 0, s2xx = 0, s409 = 0, s422 = 0, s4xx = 0, s5xx = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,'
    .. '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"non2xx":%d,'
    .. '"s201":%d,"s2xx":%d,"s409":%d,"s422":%d,"s4xx":%d,"s5xx":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.timeout, e.status,
    t.s201, t.s2xx, t.s409, t.s422, t.s4xx, t.s5xx))
end
"""


def crowd_script(path, people, offset=0, stride=1):
    """A wrk script: each request is the next citizen's booking (own token, own people, new
    Idempotency-Key); threads start at different citizens."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("local D = {\n")
        for token, body in people:
            f.write("{" + _lua_str(token) + "," + _lua_str(body) + "},\n")
        f.write("}\n")
        f.write(f"local OFFSET, STRIDE = {offset}, {stride}\n")
        f.write("""
local n, i, tag = #D, 0, 0
-- Each citizen's request is formatted once, around its Idempotency-Key, so that a request costs
-- the load generator a concatenation, not a wrk.format (it shares the cores with the server).
local HEAD, TAIL = {}, {}
function init(args)
  tag = (tid or 0)
  i = math.floor(n / 4) * tag
  for j = 1, n do
    local r = wrk.format('POST', '/api/v1/bookings', {
      ['Content-Type'] = 'application/json', ['Authorization'] = 'Bearer ' .. D[j][1],
      ['Idempotency-Key'] = '\0' }, D[j][2])
    local at = string.find(r, '\0', 1, true)
    HEAD[j], TAIL[j] = string.sub(r, 1, at - 1), string.sub(r, at + 1)
  end
end
function request()
  i = i + 1
  local j = ((OFFSET + i * STRIDE) % n) + 1
  return HEAD[j] .. 'k' .. OFFSET .. '-' .. tag .. '-' .. i .. TAIL[j]
end
""")
        f.write(COUNTERS)


def bare_script(path, date, starts):
    with open(path, "w") as f:
        body = json.dumps({"service": SERVICE, "date": str(date), "slotStart": starts[0]}, separators=(",", ":"))
        f.write(f"""
local BODY = {_lua_str(body)}
local REQUEST
function init(args)
  REQUEST = wrk.format('POST', '/bench/bare', {{['Content-Type'] = 'application/json'}}, BODY)
end
function request()
  return REQUEST
end
""")
        f.write(COUNTERS)


def wrk(url, script, connections, seconds, threads=2, wait=True):
    """Starts wrk (bounded: -d seconds, and killed if it overruns by 30 s); returns the Popen or
    the parsed result."""
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
           "-s", script, url]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    proc.bench_deadline = time.time() + seconds + 30
    return result(proc) if wait else proc


def result(proc):
    try:
        out, _ = proc.communicate(timeout=max(1, proc.bench_deadline - time.time()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SystemExit("wrk overran its deadline")
    m = re.search(r"WRKJSON (\{.*\})", out)
    if proc.returncode != 0 or not m:
        raise RuntimeError("wrk failed:\n" + out)
    r = json.loads(m.group(1))
    r["rate"] = r["requests"] / (r["duration_us"] / 1e6)
    r["raw"] = out
    return r


def combine(results):
    """Two wrk processes run side by side, read as one crowd."""
    total = {k: sum(r[k] for r in results) for k in results[0] if isinstance(results[0][k], int)}
    total["rate"] = sum(r["rate"] for r in results)
    total["p50_us"] = max(r["p50_us"] for r in results)
    total["p99_us"] = max(r["p99_us"] for r in results)
    return total


# ---------------------------------------------------------------- PostgreSQL's word

def booked(db, date):
    """Confirmed bookings of the day, and seats over capacity (slot and day), from PostgreSQL."""
    confirmed = int(psql(db, f"""select count(*) from bookings where service = '{SERVICE}' and day = '{date}'
                                 and status in ('CONFIRMED', 'CHECKED_IN')"""))
    over = int(psql(db, f"""
        select coalesce(sum(greatest(coalesce(b.n, 0) - s.effective, 0)), 0)
              + coalesce(sum(greatest(s.booked - s.effective, 0)), 0)
          from quota_slots s
          left join (select slot_start, count(*) n from bookings
                      where service = '{SERVICE}' and day = '{date}' and status in ('CONFIRMED', 'HELD', 'CHECKED_IN')
                      group by slot_start) b on b.slot_start = s.start_time
         where s.service = '{SERVICE}' and s.day = '{date}'"""))
    capacity = int(psql(db, f"select coalesce(sum(effective), 0) from quota_slots where service = '{SERVICE}' and day = '{date}'"))
    return confirmed, over, capacity


def machine():
    cpu = subprocess.run(["bash", "-c", "lscpu | grep -m1 'Model name' | sed 's/.*: *//'"],
                         capture_output=True, text=True).stdout.strip()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"nproc": os.cpu_count(), "cpu": cpu, "java": java, "kernel": platform.release(),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def wait_for_release(release_at):
    """Sleeps until the hot date's release time; fails if set-up and warm-up ran past it."""
    wait = release_at - time.time()
    if wait < 0:
        raise SystemExit("set-up and warm-up took longer than the release delay")
    log(f"release in {wait:.1f}s")
    time.sleep(wait + 0.05)


def summary(name, script, args, c, b, confirmed, over, capacity):
    """The figures every crowd benchmark reports: the crowd, the bare route, PostgreSQL's count."""
    errors = c["s5xx"] + c["connect_errors"] + c["read_errors"] + c["write_errors"] + c["timeouts"]
    return {
        "benchmark": name, "machine": machine(),
        "command": "python3 " + script + " " + " ".join(sys.argv[1:]),
        "citizens": args.citizens, "seats": capacity, "connections": args.connections, "seconds": args.seconds,
        "crowd": {"attempts": c["requests"], "attempts_per_s": round(c["rate"]), "p50_ms": c["p50_us"] / 1000,
                  "p99_ms": c["p99_us"] / 1000, "confirmed_201": c["s201"], "rejected_409": c["s409"],
                  "rejected_422": c["s422"], "other_4xx": c["s4xx"], "errors": errors},
        "bare": {"requests": b["requests"], "requests_per_s": round(b["rate"]), "p50_ms": b["p50_us"] / 1000,
                 "p99_ms": b["p99_us"] / 1000, "errors": b["s5xx"] + b["s4xx"] + b["timeouts"]},
        "confirmed_in_postgresql": confirmed, "overbooked": over,
        "ratio": round(c["rate"] / b["rate"], 3),
    }
