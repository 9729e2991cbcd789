package org.civicdesk.platform;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fixed-window counters in Redis, shared by every instance: how many times a key was used in
 * the current window. When Redis cannot be reached the limiter lets the request through and
 * says so in the log: a rate limit is a guard against abuse, never a reason to turn a citizen
 * away while Redis restarts.
 */
@Component
public class RateLimiter {

    private static final Log log = LogFactory.getLog(RateLimiter.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HIT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Platform platform;

    RateLimiter(ReactiveStringRedisTemplate redis, Platform platform) {
        this.redis = redis;
        this.platform = platform;
    }

    /** The outcome of one hit: whether it is within the limit, and when the window ends. */
    public record Decision(boolean allowed, long count, Duration retryAfter) {
    }

    /**
     * Counts one use of {@code key} and decides.
     *
     * @param key    what is limited, such as {@code verify-ip:203.0.113.7}
     * @param limit  uses allowed per window
     * @param window the window's length
     */
    public Mono<Decision> hit(String key, long limit, Duration window) {
        return redis.execute(HIT, List.of(platform.key("rate", key)), List.of(Long.toString(window.toMillis())))
                .next()
                .map(result -> {
                    long count = ((Number) result.get(0)).longValue();
                    long ttl = ((Number) result.get(1)).longValue();
                    return new Decision(count <= limit, count, Duration.ofMillis(Math.max(ttl, 0)));
                })
                .onErrorResume(ex -> {
                    log.warn("Rate limit '" + key.replaceAll(":.*", "") + "' not checked, Redis unavailable: " + ex.getMessage());
                    return Mono.just(new Decision(true, 0, Duration.ZERO));
                });
    }
}
