package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.Channel;
import org.civicdesk.platform.RepeatingTask;
import org.civicdesk.quota.ServiceCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the dashboard shows of the quotas, refreshed from PostgreSQL every 15 seconds (never inside
 * a scrape): seats remaining on each hot date of the next two months
 * ({@code civicdesk.seats.remaining{service,date,hot}}) and seats booked beyond capacity, which
 * must stay 0 ({@code civicdesk.seats.overbooked}).
 */
@Component
class QuotaMetrics extends RepeatingTask {

    private static final int DAYS_AHEAD = 62;

    private final HotDateBook hotDates;
    private final AvailabilityReader availability;
    private final DatabaseClient db;
    private final Clock clock;
    private final MultiGauge remaining;
    private final AtomicLong overbooked = new AtomicLong();

    QuotaMetrics(HotDateBook hotDates, AvailabilityReader availability, DatabaseClient db, Clock clock, MeterRegistry meters) {
        super(Duration.ofSeconds(1), Duration.ofSeconds(15));
        this.hotDates = hotDates;
        this.availability = availability;
        this.db = db;
        this.clock = clock;
        this.remaining = MultiGauge.builder("civicdesk.seats.remaining")
                .description("Seats remaining on hot dates (all channels)").register(meters);
        Gauge.builder("civicdesk.seats.overbooked", overbooked, AtomicLong::get)
                .description("Seats booked beyond a slot's capacity, from today on (must be 0)").register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        LocalDate today = LocalDate.now(clock);
        Mono<Void> hot = Flux.fromArray(ServiceCode.values())
                .concatMap(service -> hotDates.hotDays(service, today, today.plusDays(DAYS_AHEAD))
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(day -> availability.availability(service, day, day, Channel.COUNTER)
                                .map(found -> row(service, found))))
                .collectList()
                .doOnNext(rows -> remaining.register(rows, true))
                .then();
        Mono<Void> over = db.sql("select coalesce(sum(greatest(booked - capacity, 0)), 0) as n from quota_slots where day >= :today")
                .bind("today", today)
                .map(row -> ((Number) row.get("n")).longValue())
                .one()
                .doOnNext(overbooked::set)
                .then();
        return hot.then(over);
    }

    private static MultiGauge.Row<?> row(ServiceCode service, AvailabilityDay day) {
        long left = day.slots().stream().mapToLong(AvailabilityDay.Slot::remaining).sum();
        return MultiGauge.Row.of(Tags.of("service", service.name(), "date", day.date().toString(), "hot", "true"), left);
    }
}
