#!/usr/bin/env node
// STOMP 1.2 over WebSocket fan-out load generator.
//
// Opens N subscribed connections (spread over worker processes), waits until every SUBSCRIBE has
// its RECEIPT, then publishes M messages one after another (each once the previous one reached
// every subscriber, or timed out) and reports, per message, the time from publish to the last
// subscriber's delivery and, per delivery, publish-to-delivery latency; lost and duplicate
// deliveries are counted. Targets:
//   --target ours    CivicDesk: subscribers on /topic/notices (admin token), each message is a
//                    notice issued through POST /api/v1/staff/notices (the publish time is taken
//                    just before the request is sent)
//   --target rabbit  RabbitMQ Web-STOMP: subscribers on /topic/x, each message a SEND on a
//                    separate publisher connection
// --hold S keeps the N idle subscribed connections open for S seconds (or until SIGTERM) after
// printing "READY n" instead of publishing: the memory-per-connection tool uses it.
// Every run is bounded by --deadline (seconds): hitting it prints what was measured and exits 2.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const now = () => performance.timeOrigin + performance.now();
const MARK = /#BM(\d+)#/;

function parseArgs(argv) {
  const o = {
    target: 'ours', url: null, subscribers: 1000, messages: 20, warmup: 2, workers: 0, deadline: 300,
    destination: null, base: 'http://127.0.0.1:8080', user: 'admin', password: process.env.CIVICDESK_DEMO_PASSWORD || '',
    token: null, serverPid: 0, gap: 200, messageTimeout: 10000, concurrency: 50, hold: 0, json: false, audience: 'all',
  };
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error('unexpected argument ' + a);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === 'json' || key === 'worker') { o[key] = true; continue; }
    const v = argv[++i];
    if (v === undefined) throw new Error('missing value for ' + a);
    o[key] = typeof o[key] === 'number' ? Number(v) : v;
  }
  if (!o.url) o.url = o.target === 'rabbit' ? 'ws://127.0.0.1:15674/ws' : o.base.replace(/^http/, 'ws') + '/ws/stomp';
  if (!o.destination) o.destination = o.target === 'rabbit' ? '/topic/x' : '/topic/notices';
  if (o.messages + o.warmup > 30) throw new Error('at most 30 messages including warm-up');
  if (!o.workers) o.workers = Math.max(2, Math.min(4, Math.ceil(o.subscribers / 1250)));
  return o;
}

function frame(command, headers, body = '') {
  let s = command + '\n';
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && v !== null) s += k + ':' + v + '\n';
  return s + '\n' + body + '\0';
}

function connectHeaders(o) {
  const h = { 'accept-version': '1.2', 'heart-beat': '0,0', host: o.target === 'rabbit' ? '/' : '127.0.0.1' };
  if (o.target === 'rabbit') { h.login = 'guest'; h.passcode = 'guest'; }
  else if (o.token) h.Authorization = 'Bearer ' + o.token;
  return h;
}

/** One STOMP connection; calls back with each complete frame's text. */
function stomp(o, onFrame, onClose) {
  const ws = new WebSocket(o.url, ['v12.stomp'], { perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: 30000 });
  let buf = '';
  ws.on('open', () => ws.send(frame('CONNECT', connectHeaders(o))));
  ws.on('message', (data) => {
    const t = now();
    buf += data.toString();
    let z;
    while ((z = buf.indexOf('\0')) >= 0) {
      const f = buf.slice(0, z).replace(/^[\r\n]+/, '');
      buf = buf.slice(z + 1);
      if (f.length) onFrame(f, t);
    }
    if (buf.length && /^[\r\n]+$/.test(buf)) buf = ''; // heart-beats
  });
  ws.on('error', (e) => onClose(e));
  ws.on('close', (code) => onClose(code));
  return ws;
}

// ---------------------------------------------------------------- worker
async function worker() {
  let cpuMark = process.cpuUsage();
  let o, n, total, recvIdx, recvT, count, subscribed = 0, closed = 0, errors = 0, dups = 0, stopping = false;
  const sockets = [];
  const firstError = [];
  process.on('message', (msg) => {
    if (msg.type === 'start') start(msg);
    else if (msg.type === 'mark') cpuMark = process.cpuUsage();
    else if (msg.type === 'report') {
      const cpu = process.cpuUsage(cpuMark);
      process.send({ type: 'report', idx: Array.from(recvIdx.subarray(0, total)), t: Array.from(recvT.subarray(0, total)),
        dups, errors, closed, firstError: firstError[0] || null, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    else if (msg.type === 'close') {
      stopping = true;
      for (const ws of sockets) ws.terminate();
      setTimeout(() => process.exit(0), 200);
    }
  });
  function start(msg) {
    o = msg.o; n = msg.n;
    const slots = n * (o.messages + o.warmup + 2);
    recvIdx = new Int32Array(slots); recvT = new Float64Array(slots); total = 0;
    count = new Int32Array(o.messages + o.warmup + 2);
    let opened = 0, inFlight = 0;
    const openMore = () => {
      while (opened < n && inFlight < o.concurrency) {
        opened++; inFlight++;
        const id = msg.offset + opened;
        let seen = 0, done = false;
        const ws = stomp(o, (f, t) => {
          const nl = f.indexOf('\n');
          const cmd = nl < 0 ? f : f.slice(0, nl);
          if (cmd === 'MESSAGE') {
            const m = MARK.exec(f);
            if (!m) return;
            const i = Number(m[1]);
            if (seen & (1 << i)) { dups++; return; }
            seen |= 1 << i;
            if (total < slots) { recvIdx[total] = i; recvT[total] = t; total++; }
            if (++count[i] === n) process.send({ type: 'got', i });
          } else if (cmd === 'CONNECTED') {
            ws.send(frame('SUBSCRIBE', { id: 'sub-' + id, destination: o.destination, ack: 'auto', receipt: 'r-' + id }));
          } else if (cmd === 'RECEIPT') {
            if (!done) {
              done = true; inFlight--; subscribed++;
              if (subscribed === n) process.send({ type: 'ready' });
              openMore();
            }
          } else if (cmd === 'ERROR') {
            errors++;
            if (!firstError.length) firstError.push(f.slice(0, 300));
          }
        }, (why) => {
          if (stopping) return;
          if (typeof why === 'object') { errors++; if (!firstError.length) firstError.push(String(why.message || why)); return; }
          closed++;
          if (!done) { done = true; inFlight--; openMore(); }
          process.send({ type: 'closed', code: why });
        });
        sockets.push(ws);
      }
    };
    openMore();
  }
}

// ---------------------------------------------------------------- coordinator
function pct(sorted, p) {
  if (!sorted.length) return NaN;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
  return sorted[k];
}

async function http(o, method, path, body) {
  const res = await fetch(o.base + path, {
    method, headers: { 'content-type': 'application/json', ...(o.token ? { authorization: 'Bearer ' + o.token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(method + ' ' + path + ' -> ' + res.status + ' ' + text.slice(0, 300));
  return text ? JSON.parse(text) : null;
}

async function main() {
  const o = parseArgs(process.argv);
  if (o.worker) return worker();
  const started = now();
  const log = (...a) => console.error(`[fanout ${((now() - started) / 1000).toFixed(1)}s]`, ...a);
  let finished = false;
  const children = [];
  const deadline = setTimeout(() => {
    log(`DEADLINE of ${o.deadline}s hit`);
    finished = true;
    for (const c of children) c.kill('SIGKILL');
    process.exit(2);
  }, o.deadline * 1000);

  if (o.target === 'ours' && !o.token) {
    const login = await http(o, 'POST', '/api/v1/auth/login', { username: o.user, password: o.password });
    o.token = login.token;
  }

  // Publisher.
  let publish;
  if (o.target === 'rabbit') {
    const pub = await new Promise((resolve, reject) => {
      const ws = stomp(o, (f) => { if (f.startsWith('CONNECTED')) resolve(ws); else if (f.startsWith('ERROR')) reject(new Error(f)); },
        (why) => { if (!finished) reject(new Error('publisher closed: ' + why)); });
    });
    publish = async (i) => {
      const t = now();
      pub.send(frame('SEND', { destination: o.destination, 'content-type': 'application/json' }, JSON.stringify({ i, m: `#BM${i}#` })));
      return t;
    };
  } else {
    const audience = o.audience === 'all' ? { all: true } : { unitIds: o.audience.split(',').map(Number) };
    publish = async (i) => {
      const t = now();
      await http(o, 'POST', '/api/v1/staff/notices', { title: `Fan-out benchmark #BM${i}#`,
        body: `Benchmark notice ${i}: please ignore.`, severity: 'INFO', audience, requiresAck: false });
      return t;
    };
  }

  // Subscribers, spread over workers.
  const per = Math.ceil(o.subscribers / o.workers);
  const got = new Map();
  let ready = 0, closedConns = 0;
  const waiters = [];
  const notify = () => { const due = waiters.splice(0); for (const w of due) w(); };
  const self = fileURLToPath(import.meta.url);
  for (let w = 0, offset = 0; w < o.workers; w++, offset += per) {
    const n = Math.min(per, o.subscribers - offset);
    if (n <= 0) break;
    const child = fork(self, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => {
      if (m.type === 'ready') ready++;
      else if (m.type === 'got') got.set(m.i, (got.get(m.i) || 0) + 1);
      else if (m.type === 'closed') closedConns++;
      else if (m.type === 'report') child.report = m;
      notify();
    });
    child.on('exit', (code) => { if (!finished && code) { log(`worker ${w} exited ${code}`); } });
    child.send({ type: 'start', o, n, offset });
    children.push(child);
  }
  setInterval(notify, 50).unref();
  const until = (cond, ms) => new Promise((resolve) => {
    const end = now() + ms;
    const check = () => {
      if (cond()) return resolve(true);
      if (now() >= end) return resolve(false);
      waiters.push(check);
    };
    check();
  });
  const t0 = now();
  if (!(await until(() => ready === children.length, o.deadline * 1000))) throw new Error('subscribers never all subscribed');
  log(`${o.subscribers} subscribed to ${o.destination} on ${o.url} in ${((now() - t0) / 1000).toFixed(1)}s (${children.length} worker process(es))`);

  if (o.hold > 0) {
    console.log(`READY ${o.subscribers}`);
    await new Promise((resolve) => {
      const t = setTimeout(resolve, o.hold * 1000);
      process.on('SIGTERM', () => { clearTimeout(t); resolve(); });
      process.on('SIGINT', () => { clearTimeout(t); resolve(); });
    });
    finished = true;
    for (const c of children) c.send({ type: 'close' });
    clearTimeout(deadline);
    log(`closed; ${closedConns} connections had closed early`);
    setTimeout(() => process.exit(closedConns ? 1 : 0), 300);
    return;
  }

  // CPU spent while publishing: the server's (given --server-pid, from /proc) and the subscribers'.
  const { readFileSync } = await import('node:fs');
  const serverCpu = () => {
    if (!o.serverPid) return NaN;
    const f = readFileSync(`/proc/${o.serverPid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  };
  for (const c of children) c.send({ type: 'mark' });
  const cpu0 = serverCpu();
  const wall0 = now();
  // Publish warm-up messages (not counted), then the measured ones, one after another.
  const published = [];
  const timedOut = [];
  for (let i = 0; i < o.warmup + o.messages; i++) {
    published[i] = await publish(i);
    const complete = await until(() => (got.get(i) || 0) === children.length, o.messageTimeout);
    if (!complete) { timedOut.push(i); log(`message ${i} did not reach every subscriber within ${o.messageTimeout} ms`); }
    await new Promise((r) => setTimeout(r, o.gap));
  }
  await new Promise((r) => setTimeout(r, 300));
  const serverCpuMs = serverCpu() - cpu0;
  const wallMs = now() - wall0;
  for (const c of children) c.send({ type: 'report' });
  await until(() => children.every((c) => c.report), 30000);
  finished = true;
  for (const c of children) c.send({ type: 'close' });
  clearTimeout(deadline);

  // Results.
  const latencies = [];
  const last = new Array(o.warmup + o.messages).fill(-Infinity);
  const first = new Array(o.warmup + o.messages).fill(Infinity);
  const delivered = new Array(o.warmup + o.messages).fill(0);
  let dups = 0, errors = 0, closed = 0, clientCpuMs = 0;
  let firstError = null;
  for (const c of children) {
    const r = c.report || { idx: [], t: [], dups: 0, errors: 0, closed: 0 };
    dups += r.dups; errors += r.errors; closed += r.closed; firstError = firstError || r.firstError; clientCpuMs += r.cpuMs || 0;
    for (let k = 0; k < r.idx.length; k++) {
      const i = r.idx[k];
      delivered[i]++;
      last[i] = Math.max(last[i], r.t[k]);
      first[i] = Math.min(first[i], r.t[k]);
      if (i >= o.warmup) latencies.push(r.t[k] - published[i]);
    }
  }
  const measured = [...Array(o.messages).keys()].map((k) => k + o.warmup);
  const lastLat = measured.map((i) => last[i] - published[i]).sort((a, b) => a - b);
  const firstLat = measured.map((i) => first[i] - published[i]).sort((a, b) => a - b);
  const spread = measured.map((i) => last[i] - first[i]).sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const lost = measured.reduce((s, i) => s + (o.subscribers - delivered[i]), 0);
  const result = {
    target: o.target, url: o.url, destination: o.destination, subscribers: o.subscribers, messages: o.messages,
    warmup: o.warmup, workers: children.length,
    delivery_p50_ms: +pct(latencies, 50).toFixed(1), delivery_p99_ms: +pct(latencies, 99).toFixed(1),
    last_p50_ms: +pct(lastLat, 50).toFixed(1), last_p99_ms: +pct(lastLat, 99).toFixed(1),
    last_max_ms: +lastLat[lastLat.length - 1].toFixed(1),
    first_p50_ms: +pct(firstLat, 50).toFixed(1), first_p99_ms: +pct(firstLat, 99).toFixed(1),
    spread_p50_ms: +pct(spread, 50).toFixed(1), spread_p99_ms: +pct(spread, 99).toFixed(1),
    warmup_last_ms: [...Array(o.warmup).keys()].map((i) => +(last[i] - published[i]).toFixed(1)),
    deliveries: latencies.length, lost, duplicates: dups, errors, closed_early: closed, timed_out: timedOut.length,
    first_error: firstError,
    publishing_wall_ms: Math.round(wallMs), server_cpu_ms: Number.isNaN(serverCpuMs) ? null : serverCpuMs,
    subscribers_cpu_ms: Math.round(clientCpuMs),
    server_cpu_us_per_delivery: Number.isNaN(serverCpuMs) ? null : +(serverCpuMs * 1000 / (o.subscribers * (o.warmup + o.messages))).toFixed(1),
    subscribers_cpu_us_per_delivery: +(clientCpuMs * 1000 / (o.subscribers * (o.warmup + o.messages))).toFixed(1),
  };
  if (o.json) console.log(JSON.stringify(result));
  else {
    console.log(`target=${result.target} subscribers=${result.subscribers} messages=${result.messages} (+${o.warmup} warm-up) workers=${result.workers}`);
    console.log(`  delivery latency     p50 ${result.delivery_p50_ms} ms   p99 ${result.delivery_p99_ms} ms   (${result.deliveries} deliveries)`);
    console.log(`  publish-to-last      p50 ${result.last_p50_ms} ms   p99 ${result.last_p99_ms} ms   max ${result.last_max_ms} ms`);
    console.log(`  publish-to-first     p50 ${result.first_p50_ms} ms   p99 ${result.first_p99_ms} ms   (first-to-last p50 ${result.spread_p50_ms} ms, p99 ${result.spread_p99_ms} ms)`);
    console.log(`  lost ${lost}   duplicates ${dups}   errors ${errors}   closed early ${closed}   timed out ${timedOut.length}`);
    console.log(`  CPU while publishing (${result.publishing_wall_ms} ms): server ${result.server_cpu_ms ?? '-'} ms (${result.server_cpu_us_per_delivery ?? '-'} us/delivery), subscribers ${result.subscribers_cpu_ms} ms (${result.subscribers_cpu_us_per_delivery} us/delivery)`);
    if (firstError) console.log('  first error: ' + firstError.replace(/\n/g, ' | '));
  }
  setTimeout(() => process.exit(lost || errors || closed ? 1 : 0), 300);
}

main().catch((e) => { console.error(e); process.exit(1); });
