// Live data over STOMP (stomp.js against the service's /ws/stomp). Every topic message carries `seq`,
// its number on that topic; SeqTracker remembers the numbers seen per topic so that a reconnecting
// client subscribes with `last-seq` (the highest) and is first sent what it missed, and never shows
// one twice. Numbers may arrive out of order (several server instances publish, and a delivery the
// server recovers comes again under its number), so a lower number not seen yet is still new.
import { Client, ReconnectionTimeMode, type IMessage, type StompSubscription } from '@stomp/stompjs';

/** How many recent numbers per topic are remembered; a repeat comes within seconds, not a thousand messages. */
const REMEMBERED = 1000;

export class SeqTracker {
  private readonly last = new Map<string, number>();
  private readonly seen = new Map<string, Set<number>>();

  /** Whether a message is new on its destination (and remembers it); messages without seq always are. */
  accept(destination: string, seq: number | undefined): boolean {
    if (seq === undefined || Number.isNaN(seq)) {
      return true;
    }
    let seen = this.seen.get(destination);
    if (seen === undefined) {
      seen = new Set();
      this.seen.set(destination, seen);
    }
    if (seen.has(seq)) {
      return false;
    }
    seen.add(seq);
    if (seen.size > REMEMBERED) {
      seen.delete(seen.values().next().value as number);
    }
    const previous = this.last.get(destination);
    if (previous === undefined || seq > previous) {
      this.last.set(destination, seq);
    }
    return true;
  }

  lastSeq(destination: string): number | undefined {
    return this.last.get(destination);
  }

  /** The SUBSCRIBE headers that ask for what was missed since the last message seen. */
  resumeHeaders(destination: string): Record<string, string> {
    const last = this.last.get(destination);
    return last === undefined ? {} : { 'last-seq': String(last) };
  }
}

export type LiveStatus = 'connecting' | 'live' | 'offline';

export interface LiveSubscription {
  destination: string;
  onMessage: (body: unknown, headers: Record<string, string>) => void;
}

export interface LiveOptions {
  token?: string | null;
  subscriptions: LiveSubscription[];
  onStatus?: (status: LiveStatus) => void;
  /** Called after every reconnection (not the first connection), once subscriptions are back. */
  onReconnect?: () => void;
  /** For tests: the URL of the STOMP endpoint. */
  url?: string;
}

export interface LiveConnection {
  /** Sends a frame to an application destination such as /app/notices/7/ack. */
  send: (destination: string, body?: unknown) => boolean;
  close: () => void;
}

export function stompUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/stomp`;
}

/** Connects, subscribes, and keeps reconnecting (with last-seq) until closed. */
export function connectLive(options: LiveOptions): LiveConnection {
  const tracker = new SeqTracker();
  let connections = 0;
  // Once closed, the connection says nothing more: its socket closes a moment later, and a component
  // that replaced it with a new one (other destinations) must not be told "offline" by the old one.
  let closed = false;
  let active: StompSubscription[] = [];
  const client = new Client({
    brokerURL: options.url ?? stompUrl(),
    connectHeaders: options.token ? { passcode: options.token } : {},
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
    reconnectDelay: 500,
    maxReconnectDelay: 15000,
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    connectionTimeout: 10000,
    debug: () => {},
  });
  client.onConnect = () => {
    if (closed) {
      return;
    }
    connections++;
    active = options.subscriptions.map((subscription) =>
      client.subscribe(subscription.destination, (message: IMessage) => {
        const seq = message.headers.seq !== undefined ? Number(message.headers.seq) : undefined;
        if (!tracker.accept(subscription.destination, seq)) {
          return;
        }
        subscription.onMessage(parse(message.body), message.headers);
      }, tracker.resumeHeaders(subscription.destination)),
    );
    options.onStatus?.('live');
    if (connections > 1) {
      options.onReconnect?.();
    }
  };
  const lost = () => {
    active = [];
    if (!closed) {
      options.onStatus?.(client.active ? 'connecting' : 'offline');
    }
  };
  client.onWebSocketClose = lost;
  client.onStompError = lost;
  options.onStatus?.('connecting');
  client.activate();
  return {
    send: (destination, body) => {
      if (!client.connected) {
        return false;
      }
      client.publish({ destination, body: body === undefined ? '' : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return true;
    },
    close: () => {
      if (closed) {
        return;
      }
      active.forEach((subscription) => {
        try {
          subscription.unsubscribe();
        } catch {
          // the connection is going anyway
        }
      });
      void client.deactivate();
      options.onStatus?.('offline');
      closed = true;
    },
  };
}

function parse(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return body;
  }
}
