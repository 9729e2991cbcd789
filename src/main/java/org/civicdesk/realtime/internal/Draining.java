package org.civicdesk.realtime.internal;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Stopping;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When this instance stops, its STOMP clients are told so (an ERROR frame saying to reconnect:
 * the load balancer sends them to another instance, where {@code last-seq} recovers what they
 * missed) and their sockets closed, before the web server's graceful shutdown waits for open
 * requests: a WebSocket would otherwise hold it up to its timeout.
 */
@Component
class Draining implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(Draining.class);

    private final Connections connections;
    private final Frames frames;
    private volatile boolean running;

    Draining(Connections connections, Frames frames) {
        this.connections = connections;
        this.frames = frames;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int open = connections.all().size();
        if (open == 0) {
            return;
        }
        log.info("Shutting down: telling " + open + " STOMP client(s) to reconnect elsewhere");
        for (StompConnection connection : connections.all()) {
            connection.fail(frames.error("server shutting down", null, null,
                    "This server is shutting down. Reconnect (another server will answer) and resubscribe with last-seq."));
        }
        Stopping.awaitDone(() -> connections.all().isEmpty(), Duration.ofSeconds(3));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Before the web server's graceful shutdown (which waits for open exchanges).
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;
    }
}
