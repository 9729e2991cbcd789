// React's side of live data: one STOMP connection per component that needs it, its handlers always
// the latest render's, reconnected only when the token or the destinations change.
import { useEffect, useRef, useState } from 'react';
import { connectLive, type LiveConnection, type LiveStatus } from './live';

export interface LiveHandlers {
  [destination: string]: (body: unknown, headers: Record<string, string>) => void;
}

export function useLive(token: string | null | undefined, handlers: LiveHandlers, onReconnect?: () => void, enabled = true) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const latest = useRef(handlers);
  const reconnect = useRef(onReconnect);
  const connection = useRef<LiveConnection | null>(null);
  latest.current = handlers;
  reconnect.current = onReconnect;
  const destinations = Object.keys(handlers).sort().join('|');

  useEffect(() => {
    if (!enabled || destinations === '') {
      return undefined;
    }
    const live = connectLive({
      token,
      subscriptions: destinations.split('|').map((destination) => ({
        destination,
        onMessage: (body, headers) => latest.current[destination]?.(body, headers),
      })),
      onStatus: setStatus,
      onReconnect: () => reconnect.current?.(),
    });
    connection.current = live;
    return () => {
      connection.current = null;
      live.close();
    };
  }, [token, destinations, enabled]);

  return { status, send: (destination: string, body?: unknown) => connection.current?.send(destination, body) ?? false };
}
