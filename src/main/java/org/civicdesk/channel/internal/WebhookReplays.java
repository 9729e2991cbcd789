package org.civicdesk.channel.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes a webhook take effect once, across instances: Twilio and WeChat retry (and anyone can replay
 * a captured request). The first delivery of a message does the work and keeps the answer; a
 * repeat gets the same answer, or a neutral one while the first is still being worked on.
 */
@Component
public class WebhookReplays {

    private static final Log log = LogFactory.getLog(WebhookReplays.class);
    private static final String PENDING = "\u0000pending";

    private final ReactiveStringRedisTemplate redis;
    private final Platform platform;

    WebhookReplays(ReactiveStringRedisTemplate redis, Platform platform) {
        this.redis = redis;
        this.platform = platform;
    }

    /**
     * @param key      what identifies the message (a MessageSid, a WeChat MsgId)
     * @param ttl      how long repeats are recognised
     * @param work     the work, done once
     * @param inFlight the answer to a repeat that arrives while the first is being worked on
     */
    public Mono<String> once(String key, Duration ttl, Supplier<Mono<String>> work, String inFlight) {
        String redisKey = platform.key("webhook", key);
        return redis.opsForValue().setIfAbsent(redisKey, PENDING, ttl)
                .onErrorResume(ex -> {
                    log.warn("Webhook de-duplication unavailable (Redis): " + ex.getMessage());
                    return Mono.just(true);
                })
                .flatMap(first -> first
                        ? work.get()
                                .flatMap(answer -> redis.opsForValue().set(redisKey, answer, ttl)
                                        .onErrorResume(ex -> Mono.just(false)).thenReturn(answer))
                                .onErrorResume(ex -> redis.delete(redisKey).onErrorResume(e -> Mono.just(0L))
                                        .then(Mono.error(ex)))
                        : redis.opsForValue().get(redisKey)
                                .map(stored -> PENDING.equals(stored) ? inFlight : stored)
                                .defaultIfEmpty(inFlight));
    }
}
