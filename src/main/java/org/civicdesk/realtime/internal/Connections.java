package org.civicdesk.realtime.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Every connection of this instance, and the indexes that make delivery cheap: subscriptions by
 * destination (a topic message walks only its own subscribers) and connections by user (a
 * personal message finds its owner's sessions at once).
 */
@Component
class Connections {

    private final Set<StompConnection> all = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Subscription>> byDestination = new ConcurrentHashMap<>();
    private final Map<String, Set<StompConnection>> byUser = new ConcurrentHashMap<>();

    Connections(MeterRegistry meters) {
        Gauge.builder("civicdesk.realtime.connections", all, Set::size)
                .description("Open STOMP connections on this instance").register(meters);
    }

    void opened(StompConnection connection) {
        all.add(connection);
    }

    /** Forgets a connection and everything it subscribed to. */
    void closed(StompConnection connection) {
        all.remove(connection);
        connection.subscriptions().forEach(this::unsubscribed);
        String user = connection.username();
        if (user != null) {
            byUser.computeIfPresent(user, (name, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void signedIn(StompConnection connection, String user) {
        byUser.compute(user, (name, set) -> {
            Set<StompConnection> connections = set == null ? ConcurrentHashMap.newKeySet() : set;
            connections.add(connection);
            return connections;
        });
    }

    void subscribed(Subscription subscription) {
        byDestination.compute(subscription.destination, (destination, set) -> {
            Set<Subscription> subscriptions = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscriptions.add(subscription);
            return subscriptions;
        });
    }

    void unsubscribed(Subscription subscription) {
        byDestination.computeIfPresent(subscription.destination, (destination, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    Collection<Subscription> subscribers(String destination) {
        Set<Subscription> subscriptions = byDestination.get(destination);
        return subscriptions == null ? Set.of() : subscriptions;
    }

    Collection<StompConnection> of(String user) {
        Set<StompConnection> connections = byUser.get(user);
        return connections == null ? Set.of() : connections;
    }

    Collection<StompConnection> all() {
        return all;
    }

    /** The destinations this instance has subscribers for. */
    Set<String> destinations() {
        return byDestination.keySet();
    }
}
