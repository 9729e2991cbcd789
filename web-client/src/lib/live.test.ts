// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { connectLive, SeqTracker, type LiveConnection } from './live';

describe('SeqTracker', () => {
  it('passes each topic message once', () => {
    const tracker = new SeqTracker();
    expect(tracker.accept('/topic/notices', 1)).toBe(true);
    expect(tracker.accept('/topic/notices', 2)).toBe(true);
    expect(tracker.accept('/topic/notices', 2)).toBe(false);
    expect(tracker.accept('/topic/notices', 1)).toBe(false);
    expect(tracker.accept('/topic/risk-level', 1)).toBe(true);
    expect(tracker.accept('/user/queue/notices', undefined)).toBe(true);
    expect(tracker.accept('/user/queue/notices', undefined)).toBe(true);
  });

  it('passes a lower number it has not seen, once, and still resumes after the highest', () => {
    const tracker = new SeqTracker();
    expect(tracker.accept('/topic/notices', 7)).toBe(true);
    expect(tracker.accept('/topic/notices', 6)).toBe(true);
    expect(tracker.accept('/topic/notices', 6)).toBe(false);
    expect(tracker.accept('/topic/notices', 7)).toBe(false);
    expect(tracker.resumeHeaders('/topic/notices')).toEqual({ 'last-seq': '7' });
  });

  it('asks for what was missed only once something was seen', () => {
    const tracker = new SeqTracker();
    expect(tracker.resumeHeaders('/topic/notices')).toEqual({});
    tracker.accept('/topic/notices', 41);
    expect(tracker.resumeHeaders('/topic/notices')).toEqual({ 'last-seq': '41' });
  });
});

/** A STOMP server just real enough: CONNECTED for CONNECT, remembers SUBSCRIBE frames, sends MESSAGEs. */
class FakeBroker {
  readonly server: WebSocketServer;
  readonly subscribes: Record<string, string>[] = [];
  private sockets: WebSocket[] = [];

  constructor() {
    globalThis.WebSocket = WebSocket as unknown as typeof globalThis.WebSocket;
    this.server = new WebSocketServer({ port: 0, handleProtocols: (protocols) => (protocols.has('v12.stomp') ? 'v12.stomp' : false) });
    this.server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => String(data).split('\0').filter((f) => f.trim()).forEach((frame) => {
        const [head] = frame.split('\n\n');
        const [command, ...lines] = head.trim().split('\n');
        const headers = Object.fromEntries(lines.map((line) => [line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1)]));
        if (command === 'CONNECT' || command === 'STOMP') {
          socket.send('CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0');
        } else if (command === 'SUBSCRIBE') {
          this.subscribes.push(headers);
        } else if (command === 'DISCONNECT') {
          // As a STOMP server does: the receipt, then the socket closes, a moment later.
          setTimeout(() => {
            socket.send(`RECEIPT\nreceipt-id:${headers.receipt}\n\n\0`);
            setTimeout(() => socket.close(), 50);
          }, 50);
        }
      }));
    });
  }

  get url() {
    return `ws://127.0.0.1:${(this.server.address() as { port: number }).port}/ws/stomp`;
  }

  send(seq: number) {
    const subscription = this.subscribes[this.subscribes.length - 1];
    this.sockets.filter((s) => s.readyState === WebSocket.OPEN).forEach((s) => s.send(
      `MESSAGE\ndestination:/topic/notices\nsubscription:${subscription.id}\nmessage-id:m${seq}\nseq:${seq}\ncontent-type:application/json\n\n{"seq":${seq}}\0`));
  }

  dropConnections() {
    this.sockets.forEach((s) => s.terminate());
    this.sockets = [];
  }

  close() {
    this.dropConnections();
    this.server.close();
  }
}

async function until(condition: () => boolean, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('connectLive', () => {
  let broker: FakeBroker | null = null;
  let live: LiveConnection | null = null;
  afterEach(() => {
    live?.close();
    broker?.close();
  });

  it('resubscribes with last-seq after the connection drops, and shows a message resent then only once', async () => {
    broker = new FakeBroker();
    const received: number[] = [];
    const statuses: string[] = [];
    let reconnects = 0;
    live = connectLive({
      url: broker.url,
      token: 'a-token',
      subscriptions: [{ destination: '/topic/notices', onMessage: (body) => received.push((body as { seq: number }).seq) }],
      onStatus: (status) => statuses.push(status),
      onReconnect: () => reconnects++,
    });
    await until(() => broker!.subscribes.length === 1);
    expect(broker.subscribes[0]).toMatchObject({ destination: '/topic/notices' });
    expect(broker.subscribes[0]['last-seq']).toBeUndefined();
    broker.send(1);
    broker.send(2);
    await until(() => received.length === 2);

    broker.dropConnections();
    await until(() => broker!.subscribes.length === 2);
    expect(broker.subscribes[1]['last-seq']).toBe('2');
    expect(reconnects).toBe(1);
    broker.send(2);
    broker.send(3);
    await until(() => received.length === 3);
    expect(received).toEqual([1, 2, 3]);
    expect(statuses).toContain('connecting');
    expect(statuses[statuses.length - 1]).toBe('live');
  });

  it('says nothing more once closed, so a replacing connection keeps its own status', async () => {
    broker = new FakeBroker();
    const statuses: string[] = [];
    const old = connectLive({ url: broker.url, subscriptions: [{ destination: '/topic/notices', onMessage: () => {} }],
      onStatus: (status) => statuses.push(`old:${status}`) });
    await until(() => broker!.subscribes.length === 1);
    // A component switching destinations: the old connection closes, a new one reports to the same place.
    old.close();
    live = connectLive({ url: broker.url, subscriptions: [{ destination: '/topic/risk-level', onMessage: () => {} }],
      onStatus: (status) => statuses.push(`new:${status}`) });
    await until(() => broker!.subscribes.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(statuses.filter((s) => s.startsWith('old:'))).toEqual(['old:connecting', 'old:live', 'old:offline']);
    expect(statuses[statuses.length - 1]).toBe('new:live');
  });
});
