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

    /** Sends to one user's queue, such as {@code /user/queue/notices}, on whichever instances they are connected. */
    public Mono<Void> sendToUser(String username, String destination, Object payload) {
        return publisher.sendToUser(username, destination, payload);
    }

    /** The units with a member connected right now, on any instance. */
    public Mono<Set<Long>> connectedUnits() {
        return presence.connectedUnits();
    }
}
