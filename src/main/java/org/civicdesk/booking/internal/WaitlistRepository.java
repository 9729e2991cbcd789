package org.civicdesk.booking.internal;

import java.time.Instant;
import java.time.LocalDate;

import io.r2dbc.spi.Readable;
import org.civicdesk.booking.WaitlistEntry;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The waitlist in PostgreSQL: who waits for which full day, in order, and what they were offered. */
@Repository
class WaitlistRepository {

    private static final String COLUMNS = "id, service, day, phone, channel, status, offered_code, offered_until";

    private final DatabaseClient db;

    WaitlistRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A waiting citizen. */
    record Waiting(long id, ServiceCode service, LocalDate day, String phone, Channel channel) {
    }

    /** Adds a citizen; empty when they already wait for the day. */
    Mono<Long> join(ServiceCode service, LocalDate day, String phone, Channel channel, Instant now) {
        return db.sql("""
                insert into waitlist (service, day, phone, channel, status, created_at, updated_at)
                values (:s, :d, :p, :c, 'WAITING', :now, :now) returning id""")
                .bind("s", service.name()).bind("d", day).bind("p", phone).bind("c", channel.name()).bind("now", now)
                .map(row -> row.get("id", Long.class)).one()
                .onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
    }

    Flux<WaitlistEntry> byPhone(String phone) {
        return db.sql("select " + COLUMNS + ", (select count(*) from waitlist o where o.service = w.service and o.day = w.day "
                        + "and o.status = 'WAITING' and o.id <= w.id) as position from waitlist w where phone = :p "
                        + "order by day desc, id desc limit 100")
                .bind("p", phone).map(WaitlistRepository::entry).all();
    }

    Mono<WaitlistEntry> find(long id, String phone) {
        return db.sql("select " + COLUMNS + ", (select count(*) from waitlist o where o.service = w.service and o.day = w.day "
                        + "and o.status = 'WAITING' and o.id <= w.id) as position from waitlist w where id = :id and phone = :p")
                .bind("id", id).bind("p", phone).map(WaitlistRepository::entry).one();
    }

    Mono<Boolean> cancel(long id, String phone, Instant now) {
        return db.sql("update waitlist set status = 'CANCELLED', updated_at = :now where id = :id and phone = :p and status = 'WAITING'")
                .bind("id", id).bind("p", phone).bind("now", now).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The next in line for a day, if any. */
    Mono<Waiting> next(ServiceCode service, LocalDate day) {
        return db.sql("select id, service, day, phone, channel from waitlist where service = :s and day = :d and status = 'WAITING' "
                        + "order by id limit 1")
                .bind("s", service.name()).bind("d", day)
                .map(row -> new Waiting(row.get("id", Long.class), ServiceCode.valueOf(row.get("service", String.class)),
                        row.get("day", LocalDate.class), row.get("phone", String.class),
                        Channel.valueOf(row.get("channel", String.class))))
                .one();
    }

    /** Marks an entry offered a held seat; false when another instance got there first. */
    Mono<Boolean> offer(long id, String code, Instant until, Instant now) {
        return db.sql("""
                update waitlist set status = 'OFFERED', offered_code = :c, offered_until = :u, updated_at = :now
                 where id = :id and status = 'WAITING'""")
                .bind("id", id).bind("c", code).bind("u", until).bind("now", now)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** The offer was taken up, or lapsed. */
    Mono<Void> settleOffer(String code, String status, Instant now) {
        return db.sql("update waitlist set status = :st, updated_at = :now where offered_code = :c and status = 'OFFERED'")
                .bind("c", code).bind("st", status).bind("now", now).then();
    }

    /** The days someone still waits for, from a day on. */
    Flux<Waiting> waitingDays(LocalDate from) {
        return db.sql("select min(id) as id, service, day from waitlist where status = 'WAITING' and day >= :d group by service, day")
                .bind("d", from)
                .map(row -> new Waiting(row.get("id", Long.class), ServiceCode.valueOf(row.get("service", String.class)),
                        row.get("day", LocalDate.class), "", Channel.WEB))
                .all();
    }

    private static WaitlistEntry entry(Readable row) {
        String status = row.get("status", String.class);
        Long position = row.get("position", Long.class);
        return new WaitlistEntry(row.get("id", Long.class), ServiceCode.valueOf(row.get("service", String.class)),
                row.get("day", LocalDate.class), status,
                "WAITING".equals(status) && position != null ? position.intValue() : null,
                row.get("offered_code", String.class), row.get("offered_until", Instant.class));
    }
}
