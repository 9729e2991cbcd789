package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicdesk.platform.RepeatingTask;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Units that still owe an acknowledgement ({@code civicdesk.notices.pending.ack}) and those past
 * the deadline ({@code civicdesk.notices.overdue}), read from PostgreSQL every 10 seconds.
 */
@Component
class NoticeMetrics extends RepeatingTask {

    private final DatabaseClient db;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    NoticeMetrics(DatabaseClient db, Clock clock, MeterRegistry meters) {
        super(Duration.ofSeconds(1), Duration.ofSeconds(10));
        this.db = db;
        this.clock = clock;
        Gauge.builder("civicdesk.notices.pending.ack", pending, AtomicLong::get)
                .description("Unit deliveries of notices that require acknowledgement and have none yet").register(meters);
        Gauge.builder("civicdesk.notices.overdue", overdue, AtomicLong::get)
                .description("Of those, the ones past their deadline").register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        return db.sql("""
                        select count(*) as pending,
                               count(*) filter (where n.ack_deadline_at is not null and n.ack_deadline_at < :now) as overdue
                          from notice_deliveries d join notices n on n.id = d.notice_id
                         where n.requires_ack and d.acknowledged_at is null""")
                .bind("now", clock.instant())
                .map(row -> new long[] {((Number) row.get("pending")).longValue(), ((Number) row.get("overdue")).longValue()})
                .one()
                .doOnNext(counts -> {
                    pending.set(counts[0]);
                    overdue.set(counts[1]);
                })
                .then();
    }
}
