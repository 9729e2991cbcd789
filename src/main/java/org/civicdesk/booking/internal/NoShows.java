package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.civicdesk.booking.BookingSuspended;
import org.civicdesk.platform.Platform;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Graded consequences of not turning up to marriage registration: each no-show is recorded for
 * both parties' ID numbers and the booking phone; reaching a grade within the window (two in 90
 * days, say) suspends online booking for that grade's time. Funeral services are exempt.
 */
@Component
class NoShows {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DatabaseClient db;
    private final BookingSettings settings;
    private final Platform platform;
    private final Clock clock;

    NoShows(DatabaseClient db, BookingSettings settings, Platform platform, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
    }

    /** Fails with {@link BookingSuspended} when any of these people is suspended now. */
    Mono<Void> refuseIfSuspended(Collection<String> personKeys) {
        Instant now = clock.instant();
        return db.sql("select max(until) as until from booking_suspensions where person_key = any(:k) and until > :now")
                .bind("k", personKeys.toArray(String[]::new)).bind("now", now)
                .map(row -> java.util.Optional.ofNullable(row.get("until", Instant.class)))
                .one()
                .flatMap(until -> until.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(new BookingSuspended(until.get(),
                                LOCAL.format(LocalDateTime.ofInstant(until.get(), platform.zone())), settings.hotline())));
    }

    /**
     * Records a no-show for these people; returns the suspension it brings (the worst count and its
     * end), if any.
     */
    Mono<Map.Entry<Integer, Instant>> record(long bookingId, List<String> personKeys) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(settings.noShowWindow());
        return Flux.fromIterable(personKeys)
                .concatMap(key -> db.sql("insert into booking_no_shows (person_key, booking_id, at) values (:k, :b, :at) "
                                + "on conflict do nothing")
                        .bind("k", key).bind("b", bookingId).bind("at", now).then()
                        .then(db.sql("select count(*) as n from booking_no_shows where person_key = :k and at > :since")
                                .bind("k", key).bind("since", windowStart)
                                .map(row -> row.get("n", Long.class).intValue()).one())
                        .flatMap(count -> {
                            Map.Entry<Integer, Duration> grade = settings.grades().floorEntry(count);
                            if (grade == null) {
                                return Mono.<Map.Entry<Integer, Instant>>empty();
                            }
                            Instant until = now.plus(grade.getValue());
                            return db.sql("""
                                    insert into booking_suspensions (person_key, until, no_shows) values (:k, :u, :n)
                                    on conflict (person_key) do update
                                       set until = greatest(booking_suspensions.until, excluded.until), no_shows = excluded.no_shows""")
                                    .bind("k", key).bind("u", until).bind("n", count).then()
                                    .thenReturn(Map.entry(count, until));
                        }))
                .reduce((a, b) -> a.getValue().isAfter(b.getValue()) ? a : b);
    }
}
