package org.civicdesk.sms.internal;

import java.time.Instant;


import io.r2dbc.spi.Readable;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRecord;
import org.civicdesk.sms.SmsRequest;
import org.civicdesk.sms.SmsStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The message log and outbox in PostgreSQL. Instances claim due messages with
 * {@code for update skip locked}, so two never send the same one.
 */
@Repository
public class SmsOutbox {

    static final String REDACTED = "【验证码已隐去】";

    private final DatabaseClient db;

    SmsOutbox(DatabaseClient db) {
        this.db = db;
    }

    /** A message claimed for sending. */
    record Claimed(long id, String to, String body, SmsPurpose purpose, boolean sensitive, int attempts, Instant createdAt) {
    }

    public Mono<Long> enqueue(SmsRequest request, SmsStatus status, Instant now) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                insert into sms_messages (idempotency_key, to_phone, body, purpose, sensitive, essential, status,
                                          next_attempt_at, created_at, updated_at)
                values (:key, :to, :body, :purpose, :sensitive, :essential, :status, :now, :now, :now)
                on conflict (idempotency_key) do nothing
                returning id""")
                .bind("to", request.to()).bind("body", request.body()).bind("purpose", request.purpose().name())
                .bind("sensitive", request.sensitive()).bind("essential", request.essential())
                .bind("status", status.name()).bind("now", now);
        String key = request.idempotencyKey();
        if (key == null) {
            return insert.bindNull("key", String.class).map(row -> row.get("id", Long.class)).one();
        }
        return insert.bind("key", key).map(row -> row.get("id", Long.class)).one()
                .switchIfEmpty(Mono.defer(() -> db.sql("select id from sms_messages where idempotency_key = :key")
                        .bind("key", key).map(row -> row.get("id", Long.class)).one()));
    }

    Flux<Claimed> claim(String instance, int limit, Instant now, Instant leaseUntil) {
        return db.sql("""
                update sms_messages m
                   set status = 'SENDING', claimed_by = :me, claimed_until = :lease, attempts = attempts + 1, updated_at = :now
                 where id in (select id from sms_messages
                               where status = 'PENDING' and next_attempt_at <= :now
                               order by next_attempt_at, id
                               limit :n
                               for update skip locked)
                returning id, to_phone, body, purpose, sensitive, attempts, created_at""")
                .bind("me", instance).bind("lease", leaseUntil).bind("now", now).bind("n", limit)
                .map(SmsOutbox::claimed)
                .all();
    }

    /** Messages whose sender's lease ran out while they were being sent. */
    Flux<Claimed> claimAbandoned(String instance, int limit, Instant now, Instant leaseUntil) {
        return db.sql("""
                update sms_messages m
                   set claimed_by = :me, claimed_until = :lease, updated_at = :now
                 where id in (select id from sms_messages
                               where status = 'SENDING' and claimed_until < :now
                               order by claimed_until, id
                               limit :n
                               for update skip locked)
                returning id, to_phone, body, purpose, sensitive, attempts, created_at""")
                .bind("me", instance).bind("lease", leaseUntil).bind("now", now).bind("n", limit)
                .map(SmsOutbox::claimed)
                .all();
    }

    Mono<Void> markHandedOver(long id, @Nullable String sid, SmsStatus status, boolean redact, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update sms_messages
                   set status = :status, twilio_sid = :sid, sent_at = :now, updated_at = :now,
                       claimed_by = null, claimed_until = null, error_code = null, error_message = null,
                       body = case when :redact then :redacted else body end
                 where id = :id""")
                .bind("status", status.name()).bind("now", now).bind("id", id)
                .bind("redact", redact).bind("redacted", REDACTED);
        spec = sid == null ? spec.bindNull("sid", String.class) : spec.bind("sid", sid);
        return spec.then();
    }

    Mono<Void> markRetry(long id, @Nullable Integer code, String message, Instant nextAttempt, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update sms_messages
                   set status = 'PENDING', next_attempt_at = :next, updated_at = :now,
                       claimed_by = null, claimed_until = null, error_code = :code, error_message = :message
                 where id = :id""")
                .bind("next", nextAttempt).bind("now", now).bind("message", truncate(message)).bind("id", id);
        spec = code == null ? spec.bindNull("code", Integer.class) : spec.bind("code", code);
        return spec.then();
    }

    Mono<Void> markFailed(long id, @Nullable Integer code, String message, boolean redact, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update sms_messages
                   set status = 'FAILED', updated_at = :now, claimed_by = null, claimed_until = null,
                       error_code = :code, error_message = :message,
                       body = case when :redact then :redacted else body end
                 where id = :id""")
                .bind("now", now).bind("message", truncate(message)).bind("id", id)
                .bind("redact", redact).bind("redacted", REDACTED);
        spec = code == null ? spec.bindNull("code", Integer.class) : spec.bind("code", code);
        return spec.then();
    }

    /** The message with this Twilio SID: its id, status, attempts and whether it is essential. */
    record Tracked(long id, SmsStatus status, int attempts) {
    }

    Mono<Tracked> findBySid(String sid) {
        return db.sql("select id, status, attempts from sms_messages where twilio_sid = :sid").bind("sid", sid)
                .map(row -> new Tracked(row.get("id", Long.class), SmsStatus.valueOf(row.get("status", String.class)),
                        row.get("attempts", Integer.class)))
                .one();
    }

    Mono<Void> updateStatus(long id, SmsStatus status, @Nullable Integer code, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                update sms_messages set status = :status, error_code = coalesce(:code, error_code), updated_at = :now
                 where id = :id""")
                .bind("status", status.name()).bind("now", now).bind("id", id);
        spec = code == null ? spec.bindNull("code", Integer.class) : spec.bind("code", code);
        return spec.then();
    }

    /** A message Twilio could not deliver for a passing reason goes back into the outbox. */
    Mono<Void> requeueUndelivered(long id, Integer code, Instant nextAttempt, Instant now) {
        return db.sql("""
                update sms_messages
                   set status = 'PENDING', twilio_sid = null, error_code = :code, next_attempt_at = :next,
                       updated_at = :now, error_message = 'Undelivered, retrying'
                 where id = :id""")
                .bind("code", code).bind("next", nextAttempt).bind("now", now).bind("id", id)
                .then();
    }

    /** Hands an instance's claims back to the outbox when it stops. */
    Mono<Long> release(String instance, Instant now) {
        return db.sql("""
                update sms_messages set status = 'PENDING', claimed_by = null, claimed_until = null, updated_at = :now,
                       attempts = greatest(attempts - 1, 0)
                 where status = 'SENDING' and claimed_by = :me""")
                .bind("now", now).bind("me", instance).fetch().rowsUpdated();
    }

    public Mono<Boolean> optedOut(String phone) {
        return db.sql("select exists(select 1 from sms_opt_outs where phone = :p) as e").bind("p", phone)
                .map(row -> Boolean.TRUE.equals(row.get("e", Boolean.class))).one();
    }

    public Mono<Void> optOut(String phone, Instant now) {
        return db.sql("insert into sms_opt_outs (phone, opted_out_at) values (:p, :now) on conflict (phone) do nothing")
                .bind("p", phone).bind("now", now).then();
    }

    public Mono<Void> optIn(String phone) {
        return db.sql("delete from sms_opt_outs where phone = :p").bind("p", phone).then();
    }

    public Mono<SmsRecord> find(long id) {
        return db.sql("select * from sms_messages where id = :id").bind("id", id).map(SmsOutbox::record).one();
    }

    public Flux<SmsRecord> recent(@Nullable SmsStatus status, int limit) {
        DatabaseClient.GenericExecuteSpec spec = status == null
                ? db.sql("select * from sms_messages order by id desc limit :n")
                : db.sql("select * from sms_messages where status = :s order by id desc limit :n").bind("s", status.name());
        return spec.bind("n", limit).map(SmsOutbox::record).all();
    }

    private static Claimed claimed(Readable row) {
        return new Claimed(row.get("id", Long.class), row.get("to_phone", String.class), row.get("body", String.class),
                SmsPurpose.valueOf(row.get("purpose", String.class)), Boolean.TRUE.equals(row.get("sensitive", Boolean.class)),
                row.get("attempts", Integer.class), row.get("created_at", Instant.class));
    }

    private static SmsRecord record(Readable row) {
        boolean sensitive = Boolean.TRUE.equals(row.get("sensitive", Boolean.class));
        return new SmsRecord(row.get("id", Long.class), PhoneNumbers.mask(row.get("to_phone", String.class)),
                sensitive ? REDACTED : row.get("body", String.class),
                SmsPurpose.valueOf(row.get("purpose", String.class)), SmsStatus.valueOf(row.get("status", String.class)),
                row.get("error_code", Integer.class), row.get("error_message", String.class),
                row.get("attempts", Integer.class), row.get("created_at", Instant.class), row.get("sent_at", Instant.class));
    }

    private static String truncate(String message) {
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

}
