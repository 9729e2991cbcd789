package org.civicdesk.quota.internal;

import java.time.LocalDate;
import java.util.Collection;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.ServiceCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What follows a committed change of capacities: every instance forgets its cached days (a
 * version bump in Redis), the changed days' counters are rebuilt, their seats announced, and
 * bookings beyond the new capacity handed to the booking module to re-accommodate.
 */
@Component
class QuotaChanges {

    private static final Log log = LogFactory.getLog(QuotaChanges.class);

    private final SeatCounters counters;
    private final CounterKeeper keeper;
    private final QuotaCache cache;
    private final QuotaEvents events;

    QuotaChanges(SeatCounters counters, CounterKeeper keeper, QuotaCache cache, QuotaEvents events) {
        this.counters = counters;
        this.keeper = keeper;
        this.cache = cache;
        this.events = events;
    }

    Mono<Void> after(ServiceCode service, Collection<LocalDate> dates, Collection<CapacityReduced> reduced) {
        cache.invalidate();
        return counters.bumpVersion()
                .onErrorResume(ex -> {
                    log.warn("Could not announce a quota change to other instances (they notice within the cache TTL): "
                            + ex.getMessage());
                    return Mono.empty();
                })
                .thenMany(Flux.fromIterable(dates))
                .concatMap(date -> keeper.rebuildDay(service, date).then(events.dayChanged(service, date)))
                .then(Mono.fromRunnable(() -> reduced.stream().filter(Excesses::any).forEach(events::capacityReduced)));
    }
}
