package org.civicdesk.broadcast.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.civicdesk.broadcast.AckChannel;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the delivery rows say about each unit and notice: delivered, acknowledged, escalated. */
@Repository
class DeliveryRecords {

    private final DatabaseClient db;

    DeliveryRecords(DatabaseClient db) {
        this.db = db;
    }

    /** A unit's record for one notice. */
    record Row(long noticeId, long unitId, String unitName, @Nullable Instant deliveredAt, @Nullable String deliveredVia,
            @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable AckChannel ackVia,
            @Nullable Instant escalatedAt) {
    }

    Mono<Row> find(long noticeId, long unitId) {
        return db.sql("select * from notice_deliveries where notice_id = :notice and unit_id = :unit")
                .bind("notice", noticeId).bind("unit", unitId).map(DeliveryRecords::row).one();
    }

    Flux<Row> forNotice(long noticeId) {
        return db.sql("select * from notice_deliveries where notice_id = :notice order by unit_name, unit_id")
                .bind("notice", noticeId).map(DeliveryRecords::row).all();
    }

    /** A unit's rows, newest notice first. */
    Flux<Row> forUnit(long unitId, int limit) {
        return db.sql("select * from notice_deliveries where unit_id = :unit order by notice_id desc limit :n")
                .bind("unit", unitId).bind("n", limit).map(DeliveryRecords::row).all();
    }

    /** Notices a unit has not yet had, or must still acknowledge. */
    Flux<Long> waiting(long unitId) {
        return db.sql("""
                select d.notice_id from notice_deliveries d join notices n on n.id = d.notice_id
                 where d.unit_id = :unit and (d.delivered_at is null or (n.requires_ack and d.acknowledged_at is null))
                 order by d.notice_id limit 100""")
                .bind("unit", unitId).map(row -> row.get("notice_id", Long.class)).all();
    }

    /** Per notice: units, and units that acknowledged. */
    Mono<Map<Long, long[]>> counts(List<Long> noticeIds) {
        return db.sql("""
                select notice_id, count(*) as total, count(acknowledged_at) as acknowledged
                  from notice_deliveries where notice_id = any(:ids) group by notice_id""")
                .bind("ids", noticeIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("notice_id", Long.class),
                        new long[] {row.get("total", Long.class), row.get("acknowledged", Long.class)}))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    static Row row(Readable row) {
        String via = row.get("ack_via", String.class);
        return new Row(row.get("notice_id", Long.class), row.get("unit_id", Long.class), row.get("unit_name", String.class),
                row.get("delivered_at", Instant.class), row.get("delivered_via", String.class),
                row.get("acknowledged_at", Instant.class), row.get("acknowledged_by", String.class),
                via == null ? null : AckChannel.valueOf(via), row.get("escalated_at", Instant.class));
    }
}
