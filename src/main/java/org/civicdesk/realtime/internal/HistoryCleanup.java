package org.civicdesk.realtime.internal;

import java.time.Clock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets topic messages older than the retention, hourly; any instance may, twice is harmless. */
@Component
class HistoryCleanup {

    private static final Log log = LogFactory.getLog(HistoryCleanup.class);

    private final TopicHistory history;
    private final RealtimeSettings settings;
    private final Clock clock;

    HistoryCleanup(TopicHistory history, RealtimeSettings settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void purge() {
        history.purge(clock.instant().minus(settings.historyRetention()))
                .subscribe(removed -> {
                    if (removed > 0) {
                        log.info("Forgot " + removed + " topic messages older than " + settings.historyRetention());
                    }
                }, ex -> log.warn("Topic history not purged: " + ex.getMessage()));
    }
}
