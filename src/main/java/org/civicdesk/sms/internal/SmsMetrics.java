package org.civicdesk.sms.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicdesk.platform.RepeatingTask;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The outbox as the dashboard sees it: the configured pace and how many messages wait. The count
 * is read from PostgreSQL every few seconds, never inside a scrape.
 */
@Component
class SmsMetrics extends RepeatingTask {

    private final DatabaseClient db;
    private final AtomicLong pending = new AtomicLong();

    SmsMetrics(DatabaseClient db, MeterRegistry meters, SmsSettings settings) {
        super(Duration.ZERO, Duration.ofSeconds(10));
        this.db = db;
        Gauge.builder("civicdesk.sms.pace.configured", settings, SmsSettings::messagesPerSecond)
                .description("Configured SMS messages per second, across all instances")
                .register(meters);
        Gauge.builder("civicdesk.sms.outbox.pending", pending, AtomicLong::get)
                .description("Messages waiting in the outbox")
                .register(meters);
    }

    @Override
    protected Mono<Void> runOnce() {
        return db.sql("select count(*) as n from sms_messages where status in ('PENDING', 'SENDING')")
                .map(row -> row.get("n", Long.class))
                .one()
                .doOnNext(pending::set)
                .then();
    }
}
