package org.civicdesk.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bookings and their parties in PostgreSQL. Callers wrap writes in a transaction. */
@Repository
class BookingRepository {

    private static final String COLUMNS = """
            id, code, service, day, slot_start, slot_end, status, channel, owner_phone, idempotency_key, request_hash,
            companions, applicant_name, applicant_phone, deceased_name, special_handling, travel, held_until, changes,
            created_at""";

    private final DatabaseClient db;

    BookingRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a booking; empty when the owner already used its idempotency key. */
    Mono<Long> insert(BookingRow b, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into bookings (code, service, day, slot_start, slot_end, status, channel, owner_phone, idempotency_key,
                                      request_hash, companions, applicant_name, applicant_phone, deceased_name,
                                      special_handling, travel, held_until, created_at, confirmed_at, updated_at)
                values (:code, :service, :day, :start, :end, :status, :channel, :owner, :key, :hash, :companions,
                        :aname, :aphone, :dname, :special, :travel, :held, :now, :confirmed, :now)
                on conflict (owner_phone, idempotency_key) where idempotency_key is not null do nothing
                returning id""")
                .bind("code", b.code()).bind("service", b.service().name()).bind("day", b.day())
                .bind("start", b.start()).bind("end", b.end()).bind("status", b.status().name())
                .bind("channel", b.channel().name()).bind("owner", b.ownerPhone()).bind("companions", b.companions())
                .bind("travel", b.travel().toArray(String[]::new)).bind("now", now);
        spec = nullable(spec, "key", b.idempotencyKey(), String.class);
        spec = nullable(spec, "hash", b.requestHash(), String.class);
        spec = nullable(spec, "aname", b.applicantName(), String.class);
        spec = nullable(spec, "aphone", b.applicantPhone(), String.class);
        spec = nullable(spec, "dname", b.deceasedName(), String.class);
        spec = nullable(spec, "special", b.specialHandling(), Boolean.class);
        spec = nullable(spec, "held", b.heldUntil(), Instant.class);
        spec = nullable(spec, "confirmed", b.status() == BookingStatus.CONFIRMED ? now : null, Instant.class);
        return spec.map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> insertParties(id, b.parties()).thenReturn(id));
    }

    Mono<Void> insertParties(long bookingId, List<BookingRow.PartyRow> parties) {
        return Flux.range(0, parties.size())
                .concatMap(i -> db.sql("""
                        insert into booking_parties (booking_id, position, name, id_cipher, id_hash, id_masked)
                        values (:b, :p, :name, :cipher, :hash, :masked)""")
                        .bind("b", bookingId).bind("p", i).bind("name", parties.get(i).name())
                        .bind("cipher", parties.get(i).idCipher()).bind("hash", parties.get(i).idHash())
                        .bind("masked", parties.get(i).idMasked())
                        .then())
                .then();
    }

    Mono<BookingRow> find(String code) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where code = :c").bind("c", code)
                .map(BookingRepository::row).all()).next();
    }

    Mono<BookingRow> findByKey(String owner, String key) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where owner_phone = :o and idempotency_key = :k")
                .bind("o", owner).bind("k", key).map(BookingRepository::row).all()).next();
    }

    Flux<BookingRow> byOwner(String owner) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where owner_phone = :o order by day desc, slot_start desc limit 200")
                .bind("o", owner).map(BookingRepository::row).all());
    }

    Flux<BookingRow> dayList(Collection<ServiceCode> services, LocalDate day) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where service = any(:s) and day = :d "
                        + "and status in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') order by slot_start, service, id")
                .bind("s", services.stream().map(Enum::name).toArray(String[]::new)).bind("d", day)
                .map(BookingRepository::row).all());
    }

    /** Active bookings of a slot, holds first, then the newest: the first to move when capacity falls. */
    Flux<BookingRow> activeInSlot(ServiceCode service, LocalDate day, LocalTime start, int limit) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where service = :s and day = :d and slot_start = :t "
                        + "and status in ('HELD', 'CONFIRMED') order by status = 'HELD' desc, created_at desc, id desc limit :n")
                .bind("s", service.name()).bind("d", day).bind("t", start).bind("n", limit)
                .map(BookingRepository::row).all());
    }

    /** Active bookings of a day from a time on, holds first, then the newest. */
    Flux<BookingRow> activeInDay(ServiceCode service, LocalDate day, LocalTime after, int limit) {
        return withParties(db.sql("select " + COLUMNS + " from bookings where service = :s and day = :d and slot_start >= :t "
                        + "and status in ('HELD', 'CONFIRMED') order by status = 'HELD' desc, created_at desc, id desc limit :n")
                .bind("s", service.name()).bind("d", day).bind("t", after).bind("n", limit)
                .map(BookingRepository::row).all());
    }

    /** Moves a booking from one status to another; false when it was not in one of {@code from}. */
    Mono<Boolean> transition(String code, Set<BookingStatus> from, BookingStatus to, Instant now, @Nullable String reason) {
        String stamp = switch (to) {
            case CONFIRMED -> ", confirmed_at = :now, held_until = null";
            case CANCELLED, EXPIRED -> ", cancelled_at = :now";
            case CHECKED_IN -> ", checked_in_at = :now";
            case NO_SHOW -> ", no_show_at = :now";
            case HELD -> "";
        };
        DatabaseClient.GenericExecuteSpec spec = db.sql("update bookings set status = :to, updated_at = :now, cancel_reason = "
                        + "coalesce(:reason, cancel_reason)" + stamp + " where code = :c and status = any(:from)")
                .bind("to", to.name()).bind("now", now).bind("c", code)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        spec = nullable(spec, "reason", reason, String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Expires a hold whose time is up; false when it was confirmed or released meanwhile. */
    Mono<Boolean> expireHold(String code, Instant now) {
        return db.sql("""
                update bookings set status = 'EXPIRED', cancelled_at = :now, updated_at = :now
                 where code = :c and status = 'HELD' and held_until <= :now""")
                .bind("c", code).bind("now", now).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Flux<String> expiredHolds(Instant now, int limit) {
        return db.sql("select code from bookings where status = 'HELD' and held_until <= :now order by held_until limit :n")
                .bind("now", now).bind("n", limit).map(row -> row.get("code", String.class)).all();
    }

    /** Writes what a hold was confirmed with. */
    Mono<Void> completeHold(BookingRow b, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update bookings set companions = :companions, applicant_name = :aname, applicant_phone = :aphone,
                       deceased_name = :dname, special_handling = :special, travel = :travel, updated_at = :now
                 where id = :id""")
                .bind("id", b.id()).bind("companions", b.companions()).bind("travel", b.travel().toArray(String[]::new))
                .bind("now", now);
        spec = nullable(spec, "aname", b.applicantName(), String.class);
        spec = nullable(spec, "aphone", b.applicantPhone(), String.class);
        spec = nullable(spec, "dname", b.deceasedName(), String.class);
        spec = nullable(spec, "special", b.specialHandling(), Boolean.class);
        return spec.then()
                .then(db.sql("delete from booking_parties where booking_id = :id").bind("id", b.id()).then())
                .then(insertParties(b.id(), b.parties()));
    }

    /** Records a move; the number of moves so far. */
    Mono<Integer> moved(String code, LocalDate day, LocalTime start, LocalTime end, Instant now) {
        return db.sql("""
                update bookings set day = :d, slot_start = :s, slot_end = :e, changes = changes + 1, reminded_at = null,
                       updated_at = :now
                 where code = :c and status in ('HELD', 'CONFIRMED') returning changes""")
                .bind("c", code).bind("d", day).bind("s", start).bind("e", end).bind("now", now)
                .map(row -> row.get("changes", Integer.class)).one();
    }

    /** Claims tomorrow's unreminded bookings for this instance (others skip them). */
    Flux<BookingRow> claimReminders(LocalDate day, Instant now, int limit) {
        return withParties(db.sql("""
                update bookings set reminded_at = :now
                 where id in (select id from bookings where status = 'CONFIRMED' and day = :d and reminded_at is null
                               order by id limit :n for update skip locked)
                returning""" + " " + COLUMNS)
                .bind("d", day).bind("now", now).bind("n", limit)
                .map(BookingRepository::row).all());
    }

    private Flux<BookingRow> withParties(Flux<BookingRow> rows) {
        return rows.collectList().flatMapMany(list -> {
            if (list.isEmpty()) {
                return Flux.empty();
            }
            Long[] ids = list.stream().map(BookingRow::id).toArray(Long[]::new);
            return db.sql("select booking_id, name, id_cipher, id_hash, id_masked from booking_parties "
                            + "where booking_id = any(:ids) order by booking_id, position")
                    .bind("ids", ids)
                    .map(row -> Map.entry(row.get("booking_id", Long.class), new BookingRow.PartyRow(
                            row.get("name", String.class), row.get("id_cipher", String.class),
                            row.get("id_hash", String.class), row.get("id_masked", String.class))))
                    .all()
                    .collectList()
                    .flatMapMany(parties -> {
                        Map<Long, List<BookingRow.PartyRow>> byBooking = new LinkedHashMap<>();
                        parties.forEach(e -> byBooking.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
                        return Flux.fromIterable(list).map(b -> b.withParties(byBooking.getOrDefault(b.id(), List.of())));
                    });
        });
    }

    private static BookingRow row(Readable row) {
        String[] travel = row.get("travel", String[].class);
        return new BookingRow(row.get("id", Long.class), row.get("code", String.class),
                ServiceCode.valueOf(row.get("service", String.class)), row.get("day", LocalDate.class),
                row.get("slot_start", LocalTime.class), row.get("slot_end", LocalTime.class),
                BookingStatus.valueOf(row.get("status", String.class)), Channel.valueOf(row.get("channel", String.class)),
                row.get("owner_phone", String.class), row.get("idempotency_key", String.class),
                row.get("request_hash", String.class), row.get("companions", Integer.class),
                row.get("applicant_name", String.class), row.get("applicant_phone", String.class),
                row.get("deceased_name", String.class), row.get("special_handling", Boolean.class),
                travel == null ? List.of() : Arrays.asList(travel), row.get("held_until", Instant.class),
                row.get("changes", Integer.class), row.get("created_at", Instant.class), List.of());
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
            @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
