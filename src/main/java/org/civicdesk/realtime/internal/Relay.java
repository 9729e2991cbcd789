package org.civicdesk.realtime.internal;

import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.platform.RedisChannels;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries messages between instances: one Redis channel for every topic and queue, so an
 * instance holds one subscription however many clients it serves. Each instance delivers its own
 * messages at once and skips them when they come back. When the channel returns after Redis was
 * away, the topics this instance serves are caught up from PostgreSQL.
 */
@Component
class Relay implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(Relay.class);

    private final RedisChannels channels;
    private final Platform platform;
    private final Fanout fanout;
    private final Connections connections;
    private final TopicHistory history;
    private final RealtimeSettings settings;
    private final JsonMapper json;
    private final String channel;
    private volatile @Nullable Disposable listening;

    Relay(RedisChannels channels, Platform platform, Fanout fanout, Connections connections, TopicHistory history,
            RealtimeSettings settings, JsonMapper json) {
        this.channels = channels;
        this.platform = platform;
        this.fanout = fanout;
        this.connections = connections;
        this.history = history;
        this.settings = settings;
        this.json = json;
        this.channel = platform.key("realtime");
    }

    /** A message on the wire between instances. */
    record Envelope(String origin, String destination, String messageId, @Nullable Long seq, @Nullable Set<Long> audience,
            @Nullable String user, String body) {

        TopicMessage message() {
            return new TopicMessage(destination, messageId, seq, audience, user, body);
        }
    }

    /** Tells the other instances; never fails (their clients catch up from history when they reconnect). */
    Mono<Void> send(TopicMessage message) {
        Envelope envelope = new Envelope(platform.instanceId(), message.destination(), message.messageId(), message.seq(),
                message.audience(), message.user(), message.body());
        return channels.publish(channel, json.writeValueAsString(envelope))
                .onErrorResume(ex -> {
                    log.warn("Message to " + message.destination() + " not relayed to other instances: " + ex.getMessage());
                    return Mono.empty();
                })
                .then();
    }

    @Override
    public void start() {
        listening = channels.listen(channel, this::catchUp)
                .flatMapIterable(text -> {
                    try {
                        return List.of(json.readValue(text, Envelope.class));
                    }
                    catch (RuntimeException ex) {
                        log.warn("Unreadable relayed message skipped: " + ex.getMessage());
                        return List.of();
                    }
                })
                .filter(envelope -> !envelope.origin().equals(platform.instanceId()))
                .subscribe(envelope -> fanout.deliver(envelope.message()),
                        ex -> log.error("The relay stopped: " + ex.getMessage(), ex));
    }

    /** Delivers what other instances published on this instance's topics while the channel was away. */
    private void catchUp() {
        Flux.fromIterable(connections.destinations())
                .filter(destination -> !Destinations.personal(destination))
                .flatMap(destination -> {
                    Long seen = fanout.lastSeq().get(destination);
                    return seen == null ? Flux.empty() : history.after(destination, seen, settings.maxReplay());
                })
                .subscribe(fanout::deliver, ex -> log.warn("Could not catch up after the relay returned: " + ex.getMessage()));
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
