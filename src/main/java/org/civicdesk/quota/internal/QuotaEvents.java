package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.LiveUpdate;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.SeatsChanged;
import org.civicdesk.quota.ServiceCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the rest of the service, and every browser watching, that seats changed: one
 * {@link SeatsChanged} event and one live update to {@code /topic/availability.{service}} per
 * slot, with the numbers PostgreSQL holds after the change.
 */
@Component
class QuotaEvents {

    private static final Log log = LogFactory.getLog(QuotaEvents.class);

    private final ApplicationEventPublisher publisher;
    private final QuotaRepository quotas;
    private final QuotaCache cache;
    private final Platform platform;
    private final Clock clock;

    QuotaEvents(ApplicationEventPublisher publisher, QuotaRepository quotas, QuotaCache cache, Platform platform,
            Clock clock) {
        this.publisher = publisher;
        this.quotas = quotas;
        this.cache = cache;
        this.platform = platform;
        this.clock = clock;
    }

    /** Announces the slots' new numbers; never fails the caller. */
    Mono<Void> slotsChanged(ServiceCode service, LocalDate date, Collection<LocalTime> starts) {
        return Mono.zip(quotas.day(service, date), cache.rules(service))
                .flatMapMany(dayAndRules -> {
                    QuotaDay day = dayAndRules.getT1();
                    BookingWindow window = new BookingWindow(dayAndRules.getT2(), platform.zone());
                    int share = window.share(date, day.hot(), clock.instant());
                    boolean reserveActive = window.reserveActive(date, clock.instant());
                    boolean takes = day.open() && !day.suspended();
                    int dayRemaining = takes ? Seating.dayRemaining(day, share, reserveActive, false) : 0;
                    Set<LocalTime> wanted = Set.copyOf(starts);
                    return Flux.fromIterable(day.slots())
                            .filter(slot -> wanted.contains(slot.start()))
                            .map(slot -> new SeatsChanged(service, date, slot.start(),
                                    takes ? Seating.remaining(slot, share, reserveActive, false) : 0,
                                    takes ? Seating.released(slot.effective(), share) : 0, dayRemaining));
                })
                .doOnNext(this::publish)
                .then()
                .onErrorResume(ex -> {
                    log.warn("Could not announce changed seats of " + service + " on " + date + ": " + ex.getMessage());
                    return Mono.empty();
                });
    }

    /** Announces every slot of a day. */
    Mono<Void> dayChanged(ServiceCode service, LocalDate date) {
        return quotas.day(service, date)
                .flatMap(day -> slotsChanged(service, date, day.slots().stream().map(QuotaDay.Slot::start).toList()));
    }

    void capacityReduced(CapacityReduced event) {
        publisher.publishEvent(event);
    }

    private void publish(SeatsChanged changed) {
        publisher.publishEvent(changed);
        publisher.publishEvent(new LiveUpdate("/topic/availability." + changed.service().name(), changed));
    }
}
