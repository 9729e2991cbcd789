package org.civicdesk.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.LiveUpdate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Delivers {@link LiveUpdate} events from modules that do not know this one (seat counts, the
 * district's level). They carry state, not events: updates to one topic that come close together
 * are merged and the latest is sent, so a burst of bookings makes a few messages, not thousands.
 */
@Component
class LiveUpdates {

    private static final Log log = LogFactory.getLog(LiveUpdates.class);

    private final Publisher publisher;
    private final RealtimeSettings settings;
    private final Map<String, Object> latest = new ConcurrentHashMap<>();

    LiveUpdates(Publisher publisher, RealtimeSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    @EventListener
    void on(LiveUpdate update) {
        if (settings.liveUpdateCoalesce().isZero()) {
            send(update.destination(), update.payload());
            return;
        }
        if (latest.put(update.destination(), update.payload()) == null) {
            Mono.delay(settings.liveUpdateCoalesce()).subscribe(tick -> {
                Object payload = latest.remove(update.destination());
                if (payload != null) {
                    send(update.destination(), payload);
                }
            });
        }
    }

    private void send(String destination, Object payload) {
        publisher.publish(destination, payload, null)
                .subscribe(seq -> { }, ex -> log.warn("Live update to " + destination + " not published: " + ex.getMessage()));
    }
}
