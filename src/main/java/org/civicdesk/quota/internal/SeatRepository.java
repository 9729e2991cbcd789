package org.civicdesk.quota.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The seat gate's PostgreSQL half, always inside the caller's transaction: conditional counter
 * updates that refuse a seat beyond capacity whatever Redis said, the seat itself, and the
 * people holding it (a primary key allows each one active seat per service).
 */
@Repository
class SeatRepository {

    private final DatabaseClient db;

    SeatRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A seat as PostgreSQL holds it. */
    record Seat(String code, ServiceCode service, LocalDate day, LocalTime start, Channel channel, boolean reserve) {
    }

    /** Takes one seat in the slot if the arithmetic of {@link Seating} allows it; false when full. */
    Mono<Boolean> incrementSlot(ServiceCode service, LocalDate day, LocalTime start, int share, boolean reserveActive,
            boolean reserveChannel) {
        return db.sql("""
                update quota_slots set booked = booked + 1, reserve_booked = reserve_booked + :rc
                 where service = :s and day = :d and start_time = :t
                   and booked < (effective * :share) / 1000
                        - case when :ra and :rc = 0
                               then greatest(least(reserved, (effective * :share) / 1000) - reserve_booked, 0)
                               else 0 end""")
                .bind("s", service.name()).bind("d", day).bind("t", start).bind("share", share)
                .bind("ra", reserveActive).bind("rc", reserveChannel ? 1 : 0)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Counts the seat in its day, if the day is open and under its cap; false otherwise. */
    Mono<Boolean> incrementDay(ServiceCode service, LocalDate day, int share) {
        return db.sql("""
                update quota_days set booked = booked + 1
                 where service = :s and day = :d and open and not suspended
                   and (day_cap_effective is null or booked < (day_cap_effective * :share) / 1000)""")
                .bind("s", service.name()).bind("d", day).bind("share", share)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Whether the day is open and its service not suspended (to tell a closed day from a full one). */
    Mono<Boolean> dayOpen(ServiceCode service, LocalDate day) {
        return db.sql("select open and not suspended as open from quota_days where service = :s and day = :d")
                .bind("s", service.name()).bind("d", day)
                .map(row -> Boolean.TRUE.equals(row.get("open", Boolean.class))).one().defaultIfEmpty(false);
    }

    /** Gives a seat back in its slot and, unless it moves within the day, in its day. */
    Mono<Void> decrement(ServiceCode service, LocalDate day, LocalTime start, boolean reserve, boolean countDay) {
        Mono<Void> slot = db.sql("""
                update quota_slots set booked = greatest(booked - 1, 0),
                       reserve_booked = greatest(reserve_booked - :rc, 0)
                 where service = :s and day = :d and start_time = :t""")
                .bind("s", service.name()).bind("d", day).bind("t", start).bind("rc", reserve ? 1 : 0).then();
        return !countDay ? slot : slot
                .then(db.sql("update quota_days set booked = greatest(booked - 1, 0) where service = :s and day = :d")
                        .bind("s", service.name()).bind("d", day).then());
    }

    /** The people holding a seat. */
    Mono<List<String>> personsOf(String code) {
        return db.sql("select person_key from quota_seat_persons where code = :c order by person_key")
                .bind("c", code).map(row -> row.get("person_key", String.class)).all().collectList();
    }

    Mono<Void> insertSeat(String code, ServiceCode service, LocalDate day, LocalTime start, Channel channel) {
        return db.sql("""
                insert into quota_seats (code, service, day, start_time, channel, reserve)
                values (:c, :s, :d, :t, :ch, :r)""")
                .bind("c", code).bind("s", service.name()).bind("d", day).bind("t", start)
                .bind("ch", channel.name()).bind("r", channel.usesReserve())
                .then();
    }

    Mono<Seat> find(String code) {
        return db.sql("select code, service, day, start_time, channel, reserve from quota_seats where code = :c")
                .bind("c", code).map(SeatRepository::seat).one();
    }

    Mono<Seat> delete(String code) {
        return db.sql("delete from quota_seats where code = :c returning code, service, day, start_time, channel, reserve")
                .bind("c", code).map(SeatRepository::seat).one();
    }

    Mono<Void> move(String code, LocalDate day, LocalTime start) {
        return db.sql("update quota_seats set day = :d, start_time = :t where code = :c")
                .bind("c", code).bind("d", day).bind("t", start).then()
                .then(db.sql("update quota_seat_persons set day = :d where code = :c").bind("c", code).bind("d", day).then());
    }

    /**
     * Names the people holding a seat; a person already holding another active seat of the
     * service (one whose day has not passed) makes it false.
     */
    Mono<Boolean> insertPersons(ServiceCode service, String code, LocalDate day, List<String> keys, LocalDate today) {
        if (keys.isEmpty()) {
            return Mono.just(true);
        }
        return Flux.fromIterable(keys)
                .concatMap(key -> db.sql("""
                        insert into quota_seat_persons (service, person_key, code, day) values (:s, :k, :c, :d)
                        on conflict (service, person_key) do update set code = excluded.code, day = excluded.day
                         where quota_seat_persons.day < :today or quota_seat_persons.code = excluded.code""")
                        .bind("s", service.name()).bind("k", key).bind("c", code).bind("d", day).bind("today", today)
                        .fetch().rowsUpdated())
                .all(rows -> rows > 0);
    }

    /** Frees the people of a seat; the keys freed. */
    Mono<List<String>> deletePersons(String code) {
        return db.sql("delete from quota_seat_persons where code = :c returning person_key")
                .bind("c", code).map(row -> row.get("person_key", String.class)).all().collectList();
    }

    /** Forgets who held seats on days that have passed (those no longer count anyway). */
    Mono<Void> forgetBefore(LocalDate day) {
        return db.sql("delete from quota_seat_persons where day < :d").bind("d", day).then();
    }

    /** Every active holder from a day on, for rebuilding Redis. */
    Flux<Holder> holders(LocalDate from) {
        return db.sql("select service, person_key, code, day from quota_seat_persons where day >= :from")
                .bind("from", from)
                .map(row -> new Holder(ServiceCode.valueOf(row.get("service", String.class)), row.get("person_key", String.class),
                        row.get("code", String.class), row.get("day", LocalDate.class)))
                .all();
    }

    private static Seat seat(io.r2dbc.spi.Readable row) {
        return new Seat(row.get("code", String.class), ServiceCode.valueOf(row.get("service", String.class)),
                row.get("day", LocalDate.class), row.get("start_time", LocalTime.class),
                Channel.valueOf(row.get("channel", String.class)), Boolean.TRUE.equals(row.get("reserve", Boolean.class)));
    }

    /** Someone holding a seat. */
    record Holder(ServiceCode service, String personKey, String code, LocalDate day) {
    }
}
