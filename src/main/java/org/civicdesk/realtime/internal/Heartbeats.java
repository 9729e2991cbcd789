package org.civicdesk.realtime.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One timer for every connection of the instance (not one per connection): sends heart-beats
 * that are due, ends sessions whose client went silent for twice the agreed interval or never
 * sent CONNECT, and closes the socket under a slow client that did not read its ERROR in time.
 */
@Component
class Heartbeats implements SmartLifecycle {

    static final Duration TICK = Duration.ofMillis(100);
    private static final byte[] HEARTBEAT = {'\n'};

    private final Connections connections;
    private final Frames frames;
    private final RealtimeSettings settings;
    private volatile @Nullable Disposable ticker;

    Heartbeats(Connections connections, Frames frames, RealtimeSettings settings) {
        this.connections = connections;
        this.frames = frames;
        this.settings = settings;
    }

    void check() {
        long now = System.nanoTime();
        for (StompConnection connection : connections.all()) {
            if (connection.overflowedAt() != 0) {
                if (now - connection.overflowedAt() > settings.overflowGrace().toNanos()) {
                    abort(connection);
                }
                continue;
            }
            if (connection.outbound().finished()) {
                continue;
            }
            if (!connection.isConnected()) {
                if (now - connection.openedAt() > settings.connectTimeout().toNanos()) {
                    connection.fail(frames.error("no CONNECT", null, null,
                            "CONNECT was expected within " + settings.connectTimeout().toSeconds() + " s."));
                }
                continue;
            }
            long expect = connection.expectEveryNanos();
            if (expect > 0 && now - connection.lastRead() > 2 * expect) {
                connection.fail(frames.error("heart-beat timeout", null, null,
                        "Nothing was received for " + 2 * expect / 1_000_000 + " ms."));
                continue;
            }
            long send = connection.sendEveryNanos();
            if (send > 0 && now - connection.lastWrite() >= send) {
                connection.reply(HEARTBEAT);
            }
        }
    }

    /** Gives up on the socket: what is still queued for it is dropped and the session ends. */
    private static void abort(StompConnection connection) {
        connection.outbound().abort();
    }

    @Override
    public void start() {
        ticker = Flux.interval(TICK, TICK).subscribe(tick -> check());
    }

    @Override
    public void stop() {
        Disposable current = ticker;
        if (current != null) {
            current.dispose();
        }
        ticker = null;
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}
