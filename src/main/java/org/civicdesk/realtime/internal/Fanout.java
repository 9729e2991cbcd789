package org.civicdesk.realtime.internal;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Hands a message to this instance's subscribers. A topic message is encoded once and the same
 * bytes go to every subscriber, each behind its subscription's few bytes of prefix; one whose
 * number this instance delivered already is skipped. A personal message goes only to its owner's
 * connections. A subscriber too far behind is disconnected.
 */
@Component
class Fanout {

    private static final Log log = LogFactory.getLog(Fanout.class);

    private final Connections connections;
    private final Frames frames;
    private final Counter overflows;
    private final Counter sent;
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final Map<String, RecentSeqs> recent = new ConcurrentHashMap<>();

    Fanout(Connections connections, Frames frames, MeterRegistry meters) {
        this.connections = connections;
        this.frames = frames;
        this.overflows = Counter.builder("civicdesk.realtime.slow.consumers")
                .description("Connections closed for falling too far behind").register(meters);
        this.sent = Counter.builder("civicdesk.stomp.messages").tag("direction", "out")
                .description("STOMP MESSAGE frames written to subscribers").register(meters);
    }

    void deliver(TopicMessage message) {
        if (message.personal()) {
            deliverPersonal(message);
            return;
        }
        Long seq = message.seq();
        if (seq != null) {
            if (!recent.computeIfAbsent(message.destination(), destination -> new RecentSeqs()).firstTime(seq)) {
                return;
            }
            lastSeq.merge(message.destination(), seq, Math::max);
        }
        Collection<Subscription> subscribers = connections.subscribers(message.destination());
        if (subscribers.isEmpty()) {
            return;
        }
        ByteBuf shared = frames.shared(message);
        int written = 0;
        try {
            for (Subscription subscription : subscribers) {
                if (subscription.wants(message)) {
                    written++;
                    boolean kept = subscription.deliver(message, shared);
                    subscription.connection.wrote();
                    if (!kept) {
                        tooSlow(subscription.connection);
                    }
                }
            }
        }
        finally {
            shared.release();
            sent.increment(written);
        }
    }

    private void deliverPersonal(TopicMessage message) {
        for (StompConnection connection : connections.of(message.user())) {
            for (Subscription subscription : connection.subscriptions()) {
                if (subscription.destination.equals(message.destination())) {
                    sent.increment();
                    connection.wrote();
                    if (!subscription.deliverWhole(message, frames)) {
                        tooSlow(connection);
                    }
                }
            }
        }
    }

    /** The highest sequence number this instance has seen per topic, to catch up after the relay was down. */
    Map<String, Long> lastSeq() {
        return lastSeq;
    }

    /** Ends a connection that cannot keep up: an ERROR frame after what it has queued, then the socket closes. */
    void tooSlow(StompConnection connection) {
        if (!connection.overflowed()) {
            return;
        }
        overflows.increment();
        log.info("STOMP connection " + connection.id + " fell " + connection.outbound().pending()
                + " frames behind and is disconnected");
        connection.reply(frames.error("slow consumer: too many undelivered messages", null, null,
                "The client did not read its messages fast enough. Reconnect and subscribe with last-seq to catch up."));
        connection.outbound().finish();
    }
}
