package org.civicdesk.sms.internal;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Spaces outbound messages evenly at the configured rate across every instance: each send
 * reserves the next free slot in Redis (a generic cell rate algorithm on Redis's own clock) and
 * waits for it without blocking. Senders that fell behind (a slow answer from Twilio, a busy
 * machine) may catch up on at most a twentieth of a second of slots, so the rate achieved over a
 * run stays the configured one rather than drifting below it, and no second ever carries more
 * than about 5 % over the pace. If Redis cannot be reached, the instance paces itself alone.
 */
@Component
class Pacer {

    private static final Log log = LogFactory.getLog(Pacer.class);
    /** How far behind the pace senders may catch up: a twentieth of a second. */
    private static final long CATCH_UP_MICROS = 50_000;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVE = RedisScript.of("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local catchUp = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tat < now - catchUp then tat = now - catchUp end
            redis.call('SET', KEYS[1], string.format('%.0f', tat + interval), 'PX', 600000)
            return {string.format('%.0f', tat), string.format('%.0f', tat - now)}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String key;
    private final long intervalMicros;
    private final long catchUpMicros;
    private long localNext;

    Pacer(ReactiveStringRedisTemplate redis, Platform platform, SmsSettings settings) {
        this.redis = redis;
        this.key = platform.key("sms", "pace");
        this.intervalMicros = Math.max(1, Math.round(1_000_000 / settings.messagesPerSecond()));
        this.catchUpMicros = CATCH_UP_MICROS / intervalMicros * intervalMicros;
    }

    /** A reserved send slot (microseconds on the pacing clock) and how long to wait for it. */
    record Reservation(long slot, long waitMicros) {
    }

    /** Completes when this instance may hand the next message to Twilio. */
    Mono<Void> acquire() {
        return reserve().flatMap(reservation -> reservation.waitMicros() <= 0 ? Mono.empty()
                : Mono.delay(Duration.ofNanos(reservation.waitMicros() * 1000)).then());
    }

    Mono<Reservation> reserve() {
        return redis.execute(RESERVE, List.of(key), List.of(Long.toString(intervalMicros), Long.toString(catchUpMicros)))
                .next()
                .map(result -> new Reservation(Long.parseLong(String.valueOf(result.get(0))),
                        Long.parseLong(String.valueOf(result.get(1)))))
                .onErrorResume(ex -> {
                    log.warn("SMS pacing falls back to this instance alone, Redis unavailable: " + ex.getMessage());
                    return Mono.just(reserveLocally());
                });
    }

    private synchronized Reservation reserveLocally() {
        long now = System.nanoTime() / 1000;
        long slot = Math.max(now - catchUpMicros, localNext);
        localNext = slot + intervalMicros;
        return new Reservation(slot, slot - now);
    }

    long intervalMicros() {
        return intervalMicros;
    }

    long catchUpMicros() {
        return catchUpMicros;
    }
}
