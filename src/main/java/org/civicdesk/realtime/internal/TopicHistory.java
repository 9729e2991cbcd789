package org.civicdesk.realtime.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every topic message in PostgreSQL with its sequence number, assigned once, here: a counter row
 * per topic, raised in the same statement that stores the message, so numbers are gapless per
 * topic whichever instance publishes. Within a caller's transaction the counter row stays locked
 * until it commits: the next message on the topic waits, so messages are committed in order.
 */
@Repository
class TopicHistory {

    private final DatabaseClient db;

    TopicHistory(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a message and returns its sequence number on the topic. */
    Mono<Long> append(String destination, @Nullable Set<Long> audience, String body, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                with next as (
                    insert into realtime_topics (destination, last_seq) values (:d, 1)
                    on conflict (destination) do update set last_seq = realtime_topics.last_seq + 1
                    returning last_seq)
                insert into realtime_messages (destination, seq, audience, body, created_at)
                select :d, last_seq, :audience, :body, :at from next
                returning seq""")
                .bind("d", destination).bind("body", body).bind("at", at);
        spec = audience == null ? spec.bindNull("audience", Long[].class)
                : spec.bind("audience", audience.stream().sorted().toArray(Long[]::new));
        return spec.map(row -> row.get("seq", Long.class)).one();
    }

    /** The message with this sequence number, unless it was forgotten. */
    Mono<TopicMessage> find(String destination, long seq) {
        return db.sql("select seq, audience, body from realtime_messages where destination = :d and seq = :seq")
                .bind("d", destination).bind("seq", seq)
                .map(row -> message(destination, row))
                .one();
    }

    /** The messages after a sequence number, oldest first, at most {@code limit} (the newest of them). */
    Flux<TopicMessage> after(String destination, long seq, int limit) {
        return db.sql("""
                select seq, audience, body from (
                    select seq, audience, body from realtime_messages
                     where destination = :d and seq > :seq order by seq desc limit :n) newest
                order by seq""")
                .bind("d", destination).bind("seq", seq).bind("n", limit)
                .map(row -> message(destination, row))
                .all();
    }

    private static TopicMessage message(String destination, Readable row) {
        long n = row.get("seq", Long.class);
        Long[] audience = row.get("audience", Long[].class);
        return new TopicMessage(destination, TopicMessage.messageId(destination, n), n,
                audience == null ? null : Set.copyOf(Arrays.asList(audience)), null, row.get("body", String.class));
    }

    /** Forgets messages older than an instant. */
    Mono<Long> purge(Instant before) {
        return db.sql("delete from realtime_messages where created_at < :before").bind("before", before)
                .fetch().rowsUpdated();
    }
}
