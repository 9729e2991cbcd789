package org.civicdesk.realtime.internal;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.civicdesk.platform.Platform;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes: the body is written as JSON once; a topic message is numbered and stored in
 * PostgreSQL first (so a client that reconnects can have it), then delivered here and relayed to
 * the other instances. A personal message is not stored: its owner gets what is still waiting
 * when it subscribes again.
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
        return Mono.fromCallable(() -> json.writeValueAsString(payload))
                .flatMap(body -> history.append(destination, unitIds == null ? null : Set.copyOf(unitIds), body, clock.instant())
                        .flatMap(seq -> {
                            TopicMessage message = new TopicMessage(destination, TopicMessage.messageId(destination, seq), seq,
                                    unitIds == null ? null : Set.copyOf(unitIds), null, body);
                            fanout.deliver(message);
                            return relay.send(message).thenReturn(seq);
                        }));
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
