package org.civicdesk.identity.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Failed sign-ins per username, counted atomically in PostgreSQL so every instance sees the same
 * count: a lock set on one instance holds on all.
 */
@Repository
class LoginFailures {

    private final DatabaseClient db;

    LoginFailures(DatabaseClient db) {
        this.db = db;
    }

    /** The failures so far and, when locked, until when. */
    record State(int failures, @Nullable Instant lockedUntil) {
    }

    Mono<Instant> lockedUntil(String username, Instant now) {
        return db.sql("select locked_until from login_failures where username = :u and locked_until > :now")
                .bind("u", username).bind("now", now)
                .map(row -> row.get("locked_until", Instant.class))
                .one();
    }

    /** Counts one more failure; a stale count (lock over, or long ago) starts again at one. */
    Mono<State> record(String username, Instant now, Instant forgetBefore, int maxFailures, Instant lockUntil) {
        return db.sql("""
                insert into login_failures as f (username, failures, last_failure_at, locked_until)
                values (:u, 1, :now, case when 1 >= :max then :lock else null end)
                on conflict (username) do update set
                    failures = (case when (f.locked_until is not null and f.locked_until <= :now)
                                       or f.last_failure_at < :forget then 0 else f.failures end) + 1,
                    last_failure_at = :now,
                    locked_until = case when (case when (f.locked_until is not null and f.locked_until <= :now)
                                                     or f.last_failure_at < :forget then 0 else f.failures end) + 1 >= :max
                                        then :lock else null end
                returning failures, locked_until""")
                .bind("u", username).bind("now", now).bind("forget", forgetBefore).bind("max", maxFailures)
                .bind("lock", lockUntil)
                .map(row -> new State(row.get("failures", Integer.class), row.get("locked_until", Instant.class)))
                .one();
    }

    Mono<Void> clear(String username) {
        return db.sql("delete from login_failures where username = :u").bind("u", username).then();
    }
}
