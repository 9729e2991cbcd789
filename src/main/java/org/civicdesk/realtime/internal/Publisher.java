package org.civicdesk.realtime.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.civicdesk.platform.Platform;
import org.civicdesk.realtime.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes: the body is written as JSON once; a topic message is numbered and stored in
 * PostgreSQL first (so a client that reconnects can have it), then delivered here and relayed to
 * the other instances. The two steps may be taken apart, storing within a caller's transaction
 * and delivering after it committed. A personal message is not stored: its owner gets what is
 * still waiting when it subscribes again.
 */
@Component
public class Publisher {

    private final TopicHistory history;
    private final Fanout fanout;
    private final Relay relay;
    private final JsonMapper json;
    private final Clock clock;
    private final String instance;
    private final AtomicLong personal = new AtomicLong();

    Publisher(TopicHistory history, Fanout fanout, Relay relay, JsonMapper json, Clock clock, Platform platform) {
        this.history = history;
        this.fanout = fanout;
        this.relay = relay;
        this.json = json;
        this.clock = clock;
        this.instance = platform.instanceId();
    }

    public Mono<Long> publish(String destination, Object payload, @Nullable Set<Long> unitIds) {
        return store(destination, payload, unitIds).flatMap(stored -> deliver(stored).thenReturn(stored.seq()));
    }

    public Mono<StoredMessage> store(String destination, Object payload, @Nullable Set<Long> unitIds) {
        Set<Long> audience = unitIds == null ? null : Set.copyOf(unitIds);
        return Mono.fromCallable(() -> json.writeValueAsString(payload))
                .flatMap(body -> history.append(destination, audience, body, clock.instant())
                        .map(seq -> new StoredMessage(destination, seq, audience, body)));
    }

    public Mono<Void> deliver(StoredMessage stored) {
        return Mono.defer(() -> {
            String destination = stored.destination();
            TopicMessage message = new TopicMessage(destination, TopicMessage.messageId(destination, stored.seq()), stored.seq(),
                    stored.audience(), null, stored.body());
            fanout.deliver(message);
            return relay.send(message);
        });
    }

    public Mono<Boolean> deliverAgain(String destination, long seq, @Nullable Set<Long> unitIds) {
        return history.find(destination, seq)
                .flatMap(message -> {
                    TopicMessage narrowed = unitIds == null ? message : new TopicMessage(message.destination(),
                            message.messageId(), message.seq(), only(message.audience(), unitIds), null, message.body());
                    fanout.deliver(narrowed);
                    return relay.send(narrowed).thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    private static Set<Long> only(@Nullable Set<Long> audience, Set<Long> unitIds) {
        if (audience == null) {
            return Set.copyOf(unitIds);
        }
        Set<Long> both = new HashSet<>(audience);
        both.retainAll(unitIds);
        return Set.copyOf(both);
    }

    public Mono<Void> sendToUser(String user, String destination, Object payload) {
        return Mono.fromCallable(() -> json.writeValueAsString(payload))
                .flatMap(body -> {
                    TopicMessage message = new TopicMessage(destination, instance + "-" + personal.incrementAndGet(), null, null,
                            user, body);
                    fanout.deliver(message);
                    return relay.send(message);
                });
    }
}
