package org.civicdesk.platform;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Publish and subscribe between instances through Redis. One pub/sub connection per instance
 * carries every module's channels; a subscription that Redis drops is renewed with back-off, so
 * a module only says what it listens to. Messages published while Redis is away are lost: use
 * it to tell other instances something they can also learn from PostgreSQL.
 */
@Component
public class RedisChannels implements DisposableBean {

    private static final Log log = LogFactory.getLog(RedisChannels.class);

    private final ReactiveRedisConnectionFactory factory;
    private final ReactiveStringRedisTemplate redis;
    private volatile @Nullable ReactiveRedisMessageListenerContainer container;

    RedisChannels(ReactiveRedisConnectionFactory factory, ReactiveStringRedisTemplate redis) {
        this.factory = factory;
        this.redis = redis;
    }

    /** Sends a message to every instance listening on the channel (a {@link Platform#key} name). */
    public Mono<Long> publish(String channel, String message) {
        return redis.convertAndSend(channel, message);
    }

    /**
     * The messages on a channel, for as long as the caller subscribes; renewed after failures.
     *
     * @param channel      the channel, a {@link Platform#key} name
     * @param onSubscribed called each time the subscription is (again) in place, so that the
     *                     listener can catch up with what it may have missed meanwhile
     */
    public Flux<String> listen(String channel, Runnable onSubscribed) {
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onChannelSubscribed(byte[] name, long count) {
                onSubscribed.run();
            }
        };
        return Flux.defer(() -> container().receive(List.of(ChannelTopic.of(channel)), listener))
                .map(ReactiveSubscription.Message::getMessage)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(signal -> {
                            if (signal.totalRetries() == 0) {
                                log.warn("Redis channel " + channel + " lost, renewing: " + signal.failure().getMessage());
                            }
                        }));
    }

    private ReactiveRedisMessageListenerContainer container() {
        ReactiveRedisMessageListenerContainer current = container;
        if (current == null) {
            synchronized (this) {
                current = container;
                if (current == null) {
                    current = new ReactiveRedisMessageListenerContainer(factory);
                    container = current;
                }
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        ReactiveRedisMessageListenerContainer current = container;
        container = null;
        if (current != null) {
            current.destroy();
        }
    }
}
