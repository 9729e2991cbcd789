package org.civicdesk.realtime.internal;

import java.time.Clock;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.identity.Caller;
import org.civicdesk.realtime.TopicPolicy;
import org.civicdesk.realtime.UserSubscribed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * SUBSCRIBE and UNSUBSCRIBE. A subscription to a topic with a {@code last-seq} header first gets
 * the messages it missed from PostgreSQL, then goes live without losing or repeating any that
 * arrive meanwhile.
 */
@Component
class Subscribing {

    private static final Log log = LogFactory.getLog(Subscribing.class);

    private final Frames frames;
    private final Connections connections;
    private final Destinations destinations;
    private final TopicHistory history;
    private final Fanout fanout;
    private final RealtimeSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Subscribing(Frames frames, Connections connections, Destinations destinations, TopicHistory history, Fanout fanout,
            RealtimeSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.frames = frames;
        this.connections = connections;
        this.destinations = destinations;
        this.history = history;
        this.fanout = fanout;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    Mono<Void> subscribe(StompConnection connection, StompHeaderAccessor headers) {
        String destination = headers.getDestination();
        String id = headers.getSubscriptionId();
        String receipt = headers.getReceipt();
        if (destination == null || id == null) {
            return fail(connection, "SUBSCRIBE needs destination and id", receipt, "Both the destination and id headers are required.");
        }
        if (connection.subscription(id) != null) {
            return fail(connection, "subscription id in use", receipt, "This connection already has a subscription " + id + ".");
        }
        if (connection.subscriptions().size() >= settings.maxSubscriptions()) {
            return fail(connection, "too many subscriptions", receipt, "At most " + settings.maxSubscriptions() + " per connection.");
        }
        Subscription.AckMode mode = Subscription.AckMode.of(headers.getAck());
        if (mode == null) {
            return fail(connection, "unknown ack mode", receipt, "ack must be auto, client or client-individual.");
        }
        TopicPolicy policy = destinations.policy(destination);
        if (policy == null) {
            return fail(connection, "unknown destination", receipt, "There is no destination " + destination + ".");
        }
        Caller caller = connection.caller();
        boolean personal = Destinations.personal(destination);
        if (!policy.maySubscribe(caller) || (personal && caller == null)) {
            return fail(connection, "forbidden destination", receipt, "You may not subscribe to " + destination + ".");
        }
        Long lastSeq = lastSeq(headers.getFirstNativeHeader("last-seq"));
        if (lastSeq != null && lastSeq < 0) {
            return fail(connection, "malformed last-seq", receipt, "last-seq must be the sequence number of the last message seen.");
        }
        Subscription subscription = new Subscription(connection, id, destination, mode, policy);
        connection.add(subscription);
        if (personal) {
            events.publishEvent(new UserSubscribed(caller.subject(), caller.unitId(), destination, clock.instant()));
            return Mono.empty();
        }
        if (lastSeq == null) {
            connections.subscribed(subscription);
            return Mono.empty();
        }
        subscription.catchUp();
        connections.subscribed(subscription);
        return history.after(destination, lastSeq, settings.maxReplay())
                .filter(subscription::wants)
                .collectList()
                .onErrorResume(ex -> {
                    log.warn("Could not read missed messages of " + destination + ": " + ex.getMessage());
                    return Mono.just(List.of());
                })
                .doOnNext(missed -> {
                    if (!subscription.caughtUp(missed, frames)) {
                        fanout.tooSlow(connection);
                    }
                })
                .then();
    }

    Mono<Void> unsubscribe(StompConnection connection, StompHeaderAccessor headers) {
        String id = headers.getSubscriptionId();
        if (id == null) {
            return fail(connection, "UNSUBSCRIBE needs an id", headers.getReceipt(), "The id header is missing.");
        }
        Subscription removed = connection.remove(id);
        if (removed != null) {
            connections.unsubscribed(removed);
        }
        return Mono.empty();
    }

    private Mono<Void> fail(StompConnection connection, String message, @Nullable String receipt, String detail) {
        connection.fail(frames.error(message, receipt, null, detail));
        return Mono.empty();
    }

    /** The header's value; -1 when it is not a number. */
    private static @Nullable Long lastSeq(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        }
        catch (NumberFormatException ex) {
            return -1L;
        }
    }
}
