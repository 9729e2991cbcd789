package org.civicdesk.broadcast.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.directory.Unit;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One row per notice and recipient unit: the outbox workers deliver from (claimed with
 * {@code for update skip locked} and a lease, so several instances share the work and a dead
 * one's rows go to another), and the record of that unit's delivery, acknowledgement and
 * escalation.
 */
@Repository
class DeliveryOutbox {

    private final DatabaseClient db;
    private final DeliveryRecords records;

    DeliveryOutbox(DatabaseClient db, DeliveryRecords records) {
        this.db = db;
        this.records = records;
    }

    /** A claimed row, with the number of its notice's message if it was stored when issued. */
    record Claimed(long noticeId, long unitId, @Nullable Long messageSeq) {
    }

    /**
     * The rows of a notice just issued, already claimed by the instance that issued it (it delivers
     * them once the transaction commits), with the number of the notice's message.
     */
    Mono<Void> insertClaimed(long noticeId, List<Unit> units, long messageSeq, String me, Instant lease) {
        return db.sql("""
                insert into notice_deliveries (notice_id, unit_id, unit_name, unit_type, message_seq, claimed_by,
                                               claimed_until, attempts)
                select :notice, u.id, u.name, u.type, :seq, :me, :lease, 1
                  from unnest(:ids, :names, :types) as u(id, name, type)""")
                .bind("notice", noticeId).bind("seq", messageSeq).bind("me", me).bind("lease", lease)
                .bind("ids", units.stream().map(Unit::id).toArray(Long[]::new))
                .bind("names", units.stream().map(Unit::name).toArray(String[]::new))
                .bind("types", units.stream().map(u -> u.type().name()).toArray(String[]::new))
                .then();
    }

    Flux<Claimed> claim(String me, Instant now, Instant lease, int limit) {
        return db.sql("""
                update notice_deliveries d set claimed_by = :me, claimed_until = :lease, attempts = d.attempts + 1
                 where (d.notice_id, d.unit_id) in (
                       select notice_id, unit_id from notice_deliveries
                        where status = 'PENDING' and (claimed_until is null or claimed_until < :now)
                        order by notice_id, unit_id limit :n
                        for update skip locked)
                returning d.notice_id, d.unit_id, d.message_seq""")
                .bind("me", me).bind("lease", lease).bind("now", now).bind("n", limit)
                .map(row -> new Claimed(row.get("notice_id", Long.class), row.get("unit_id", Long.class),
                        row.get("message_seq", Long.class)))
                .all();
    }

    /** The claimed rows of a notice are delivered; {@code via} says how each unit was reached, if it was. */
    Mono<Void> done(long noticeId, String me, Map<Long, String> via, Instant now) {
        List<Long> units = List.copyOf(via.keySet());
        return db.sql("""
                update notice_deliveries d
                   set status = 'DONE', claimed_by = null, claimed_until = null, published_at = :now,
                       delivered_at = coalesce(d.delivered_at, case when v.via <> '' then cast(:now as timestamptz) end),
                       delivered_via = coalesce(d.delivered_via, nullif(v.via, ''))
                  from unnest(:units, :vias) as v(unit_id, via)
                 where d.notice_id = :notice and d.unit_id = v.unit_id and d.claimed_by = :me""")
                .bind("now", now).bind("notice", noticeId).bind("me", me)
                .bind("units", units.toArray(Long[]::new))
                .bind("vias", units.stream().map(via::get).toArray(String[]::new))
                .then();
    }

    /** Hands a notice's rows back to every worker at once, after this instance failed to deliver them. */
    Mono<Void> unclaim(long noticeId, String me) {
        return db.sql("""
                update notice_deliveries set claimed_by = null, claimed_until = null
                 where notice_id = :notice and claimed_by = :me and status = 'PENDING'""")
                .bind("notice", noticeId).bind("me", me).then();
    }

    /** Hands this instance's claims back when it stops. */
    Mono<Long> release(String me) {
        return db.sql("update notice_deliveries set claimed_by = null, claimed_until = null where claimed_by = :me and status = 'PENDING'")
                .bind("me", me).fetch().rowsUpdated();
    }

    /**
     * Records a unit's acknowledgement unless it has one; emits the row as it now stands and
     * whether this was the first.
     */
    Mono<Map.Entry<DeliveryRecords.Row, Boolean>> acknowledge(long noticeId, long unitId, String by, AckChannel via, Instant now) {
        return db.sql("""
                update notice_deliveries
                   set acknowledged_at = :now, acknowledged_by = :by, ack_via = :via,
                       delivered_at = coalesce(delivered_at, :now), delivered_via = coalesce(delivered_via, :via)
                 where notice_id = :notice and unit_id = :unit and acknowledged_at is null
                returning *""")
                .bind("now", now).bind("by", by).bind("via", via.name()).bind("notice", noticeId).bind("unit", unitId)
                .map(DeliveryRecords::row).one()
                .map(row -> Map.entry(row, true))
                .switchIfEmpty(Mono.defer(() -> records.find(noticeId, unitId).map(row -> Map.entry(row, false))));
    }

    Mono<Void> delivered(List<Long> noticeIds, long unitId, String via, Instant now) {
        return db.sql("""
                update notice_deliveries set delivered_at = :now, delivered_via = :via
                 where unit_id = :unit and notice_id = any(:ids) and delivered_at is null""")
                .bind("now", now).bind("via", via).bind("unit", unitId).bind("ids", noticeIds.toArray(Long[]::new))
                .then();
    }

    /** Units past the deadline without an acknowledgement and not yet escalated, claimed for a while. */
    Flux<Claimed> claimOverdue(Instant now, Instant lease, int limit) {
        return db.sql("""
                update notice_deliveries d set escalation_claimed_until = :lease
                 where (d.notice_id, d.unit_id) in (
                       select o.notice_id, o.unit_id from notice_deliveries o join notices n on n.id = o.notice_id
                        where n.requires_ack and n.ack_deadline_at <= :now
                          and o.acknowledged_at is null and o.escalated_at is null
                          and (o.escalation_claimed_until is null or o.escalation_claimed_until < :now)
                        order by o.notice_id, o.unit_id limit :n
                        for update of o skip locked)
                returning d.notice_id, d.unit_id""")
                .bind("now", now).bind("lease", lease).bind("n", limit)
                .map(row -> new Claimed(row.get("notice_id", Long.class), row.get("unit_id", Long.class), null))
                .all();
    }

    Mono<Void> escalated(long noticeId, List<Long> unitIds, Instant now) {
        return db.sql("""
                update notice_deliveries set escalated_at = :now, escalation_claimed_until = null
                 where notice_id = :notice and unit_id = any(:units)""")
                .bind("now", now).bind("notice", noticeId).bind("units", unitIds.toArray(Long[]::new))
                .then();
    }
}
