package org.civicdesk.realtime;

import java.util.Set;

import org.civicdesk.realtime.internal.Destinations;
import org.civicdesk.realtime.internal.Publisher;
import org.civicdesk.realtime.internal.Presence;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What other modules do with the STOMP server: declare the destinations they own and who may
 * subscribe, handle what clients SEND to them, publish to a topic (every instance's subscribers
 * get it; it is numbered and kept for clients that reconnect) or to one user's queue, and learn
 * which units have a member connected.
 */
@Service
public class Realtime {

    private final Destinations destinations;
    private final Publisher publisher;
    private final Presence presence;

    Realtime(Destinations destinations, Publisher publisher, Presence presence) {
        this.destinations = destinations;
        this.publisher = publisher;
        this.presence = presence;
    }

    /**
     * Makes a destination exist for clients.
     *
     * @param destination a topic such as {@code /topic/notices}, a personal queue such as
     *                    {@code /user/queue/notices}, or a prefix ending in {@code *}
     * @param policy      who may subscribe, and who receives messages meant for some units
     */
    public void declare(String destination, TopicPolicy policy) {
        destinations.declare(destination, policy);
    }

    /** Handles SEND frames to a pattern such as {@code /app/notices/{id}/ack} (signed-in clients only). */
    public void onSend(String pattern, SendHandler handler) {
        destinations.handle(pattern, handler);
    }

    /**
     * Publishes to a topic on every instance.
     *
     * @param payload  written as the JSON body
     * @param unitIds  the units it is meant for (their members, and whoever the topic's policy
     *                 lets see everything), or {@code null} for every subscriber
     * @return the message's sequence number on the topic
     */
    public Mono<Long> publish(String destination, Object payload, @Nullable Set<Long> unitIds) {
        return publisher.publish(destination, payload, unitIds);
    }

    /**
     * The first half of a publish, for a caller that publishes what its own transaction writes:
     * numbers and stores the message within the caller's transaction (the topic's counter stays
     * locked until it commits, so numbers are gapless and stored in order), delivering nothing.
     * Once the transaction committed, {@link #deliver} sends it; if that never happens (the
     * instance died), {@link #deliverAgain} sends the same message later under the same number.
     *
     * @param unitIds the units it is meant for, or {@code null} for every subscriber
     */
    public Mono<StoredMessage> store(String destination, Object payload, @Nullable Set<Long> unitIds) {
        return publisher.store(destination, payload, unitIds);
    }

    /** The second half of a publish: delivers a stored message here and on every other instance. */
    public Mono<Void> deliver(StoredMessage message) {
        return publisher.deliver(message);
    }

    /**
     * Delivers a stored message again, under its own number, for a caller that cannot know whether
     * it was delivered before (an outbox recovering a dead instance's work). An instance that
     * delivered this number already skips it, and clients ignore a number they have seen, so no
     * subscriber gets it twice.
     *
     * @param unitIds only to these of its units, or {@code null} for its whole audience
     * @return whether the message is still stored (it is forgotten after the history's retention)
     */
    public Mono<Boolean> deliverAgain(String destination, long seq, @Nullable Set<Long> unitIds) {
        return publisher.deliverAgain(destination, seq, unitIds);
    }

    /** Sends to one user's queue, such as {@code /user/queue/notices}, on whichever instances they are connected. */
    public Mono<Void> sendToUser(String username, String destination, Object payload) {
        return publisher.sendToUser(username, destination, payload);
    }

    /** The units with a member connected right now, on any instance. */
    public Mono<Set<Long>> connectedUnits() {
        return presence.connectedUnits();
    }
}
