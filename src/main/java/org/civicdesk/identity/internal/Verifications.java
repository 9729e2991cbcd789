package org.civicdesk.identity.internal;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** One-time codes in PostgreSQL, kept only as keyed hashes. */
@Repository
class Verifications {

    private final DatabaseClient db;

    Verifications(DatabaseClient db) {
        this.db = db;
    }

    /** How many codes a phone was sent recently, and when the last one went. */
    record Recent(long lastHour, long lastDay, Instant last) {
    }

    /** Serialises code requests for one phone within the current transaction. */
    Mono<Void> lock(String phone) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:p, 7))").bind("p", phone).then();
    }

    Mono<Recent> recent(String phone, Instant hourAgo, Instant dayAgo) {
        return db.sql("""
                select count(*) filter (where created_at > :hour) as hour, count(*) as day, max(created_at) as last
                  from citizen_verifications where phone = :p and created_at > :day""")
                .bind("p", phone).bind("hour", hourAgo).bind("day", dayAgo)
                .map(row -> new Recent(row.get("hour", Long.class), row.get("day", Long.class),
                        row.get("last", Instant.class) == null ? Instant.EPOCH : row.get("last", Instant.class)))
                .one();
    }

    Mono<Void> insert(String phone, String codeHash, Instant now, Instant expires) {
        return db.sql("update citizen_verifications set consumed_at = :now where phone = :p and consumed_at is null")
                .bind("now", now).bind("p", phone).then()
                .then(db.sql("insert into citizen_verifications (phone, code_hash, created_at, expires_at) values (:p, :h, :now, :exp)")
                        .bind("p", phone).bind("h", codeHash).bind("now", now).bind("exp", expires).then());
    }

    /** A try at the newest open code: counted before it is checked. */
    record Attempt(long id, String codeHash, int tries, Instant expiresAt) {
    }

    Mono<Attempt> countTry(String phone) {
        return db.sql("""
                update citizen_verifications set tries = tries + 1
                 where id = (select id from citizen_verifications where phone = :p and consumed_at is null
                              order by created_at desc limit 1)
                returning id, code_hash, tries, expires_at""")
                .bind("p", phone)
                .map(row -> new Attempt(row.get("id", Long.class), row.get("code_hash", String.class),
                        row.get("tries", Integer.class), row.get("expires_at", Instant.class)))
                .one();
    }

    /** Uses the code up; false if a concurrent request already did. */
    Mono<Boolean> consume(long id, Instant now) {
        return db.sql("update citizen_verifications set consumed_at = :now where id = :id and consumed_at is null")
                .bind("now", now).bind("id", id).fetch().rowsUpdated().map(rows -> rows > 0);
    }
}
