package org.civicdesk.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.connection.SubscriptionListener;
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
 * <p>
 * Commands run on a connection held from start-up: the template asks the connection factory for
 * one on every call, under the factory's lock, and an event loop waiting on that lock is a
 * blocked one. The connections are closed when the application stops, after the modules'
 * listeners and before the connection factory, and opened again after a restart.
 */
@Component
public class RedisChannels implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(RedisChannels.class);

    private final ReactiveRedisConnectionFactory factory;
    private volatile @Nullable ReactiveRedisMessageListenerContainer container;
    private volatile @Nullable ReactiveRedisConnection connection;
    private volatile boolean running;

    RedisChannels(ReactiveRedisConnectionFactory factory) {
        this.factory = factory;
    }

    /** Sends a message to every instance listening on the channel (a {@link Platform#key} name). */
    public Mono<Long> publish(String channel, String message) {
        return execute(redis -> redis.pubSubCommands().publish(utf8(channel), utf8(message))).next();
    }

    /** Runs commands on this instance's held connection; after a failure the next call takes a new one. */
    public <T> Flux<T> execute(Function<ReactiveRedisConnection, Publisher<T>> commands) {
        return Flux.defer(() -> commands.apply(connection()))
                .doOnError(ex -> {
                    ReactiveRedisConnection broken = connection;
                    connection = null;
                    if (broken != null) {
                        broken.closeLater().subscribe(done -> { }, closing -> { });
                    }
                });
    }

    public static ByteBuffer utf8(String value) {
        return ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8));
    }

    public static String utf8(ByteBuffer value) {
        return StandardCharsets.UTF_8.decode(value.duplicate()).toString();
    }

    private ReactiveRedisConnection connection() {
        ReactiveRedisConnection current = connection;
        if (current == null) {
            synchronized (this) {
                current = connection;
                if (current == null) {
                    current = factory.getReactiveConnection();
                    connection = current;
                }
            }
        }
        return current;
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
    public void start() {
        running = true;
        try {
            connection();
        }
        catch (RuntimeException ex) {
            log.warn("No Redis connection yet, the first command will try again: " + ex.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops after the listeners (default phase) and before the Redis connection factory (0).
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public void stop() {
        running = false;
        ReactiveRedisConnection held = connection;
        connection = null;
        if (held != null) {
            held.close();
        }
        ReactiveRedisMessageListenerContainer current = container;
        container = null;
        if (current != null) {
            try {
                current.destroy();
            }
            catch (RuntimeException ex) {
                // The subscriptions ended first and gave their connection back already.
                log.debug("Redis listener container closed with: " + ex.getMessage());
            }
        }
    }
}
