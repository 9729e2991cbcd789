package org.civicdesk.realtime.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.platform.RedisChannels;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which units have a member connected, on any instance. Each instance counts its own and keeps
 * the list in one Redis hash field ({@code expiry;unit,unit…}), renewed every few seconds and
 * after each change, so that a stopped instance's units drop out once its entry expires. The
 * expiry is infrastructure timing, on the system clock, not the business clock tests move.
 * Without Redis an instance knows only its own.
 */
@Component
public class Presence implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(Presence.class);
    private static final Duration RENEW = Duration.ofSeconds(5);
    private static final Duration EXPIRY = Duration.ofSeconds(20);

    private final RedisChannels redis;
    private final Platform platform;
    private final ByteBuffer key;
    private final ByteBuffer field;
    private final Map<Long, AtomicInteger> local = new ConcurrentHashMap<>();
    private volatile @Nullable Disposable renewing;

    Presence(RedisChannels redis, Platform platform) {
        this.redis = redis;
        this.platform = platform;
        this.key = RedisChannels.utf8(platform.key("realtime", "presence"));
        this.field = RedisChannels.utf8(platform.instanceId());
    }

    void joined(@Nullable Long unitId) {
        if (unitId != null && local.computeIfAbsent(unitId, id -> new AtomicInteger()).getAndIncrement() == 0) {
            write().subscribe();
        }
    }

    void left(@Nullable Long unitId) {
        if (unitId == null) {
            return;
        }
        AtomicInteger count = local.get(unitId);
        if (count != null && count.decrementAndGet() <= 0) {
            local.remove(unitId, count);
            write().subscribe();
        }
    }

    /** The units with a member connected anywhere (this instance's alone if Redis is away). */
    public Mono<Set<Long>> connectedUnits() {
        Set<Long> mine = Set.copyOf(local.keySet());
        long now = System.currentTimeMillis();
        return redis.execute(connection -> connection.hashCommands().hGetAll(key.duplicate()))
                .filter(entry -> !RedisChannels.utf8(entry.getKey()).equals(platform.instanceId()))
                .map(entry -> RedisChannels.utf8(entry.getValue()))
                .filter(value -> expiry(value) > now)
                .flatMapIterable(Presence::units)
                .collect(Collectors.toCollection(HashSet::new))
                .map(all -> {
                    all.addAll(mine);
                    return Set.copyOf(all);
                })
                .onErrorResume(ex -> Mono.just(mine));
    }

    private Mono<Void> write() {
        String units = local.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
        String value = (System.currentTimeMillis() + EXPIRY.toMillis()) + ";" + units;
        return redis.execute(connection -> connection.hashCommands().hSet(key.duplicate(), field.duplicate(),
                        RedisChannels.utf8(value)))
                .then()
                .onErrorResume(ex -> {
                    log.debug("Presence not written, Redis unavailable: " + ex.getMessage());
                    return Mono.empty();
                });
    }

    private static long expiry(String value) {
        try {
            return Long.parseLong(value.substring(0, value.indexOf(';')));
        }
        catch (RuntimeException ex) {
            return 0;
        }
    }

    private static Iterable<Long> units(String value) {
        String list = value.substring(value.indexOf(';') + 1);
        return list.isEmpty() ? Set.of() : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    @Override
    public void start() {
        renewing = Flux.interval(Duration.ZERO, RENEW).onBackpressureDrop().concatMap(tick -> write(), 1).subscribe();
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    /**
     * Stops renewing at once, then removes this instance's entry so the others stop counting its
     * units now rather than at its expiry; the context waits for the callback, no thread of ours
     * does. Should a start come before the removal is done, its next renewal writes the entry again.
     */
    @Override
    public void stop(Runnable callback) {
        Disposable current = renewing;
        if (current != null) {
            current.dispose();
        }
        renewing = null;
        redis.execute(connection -> connection.hashCommands().hDel(key.duplicate(), field.duplicate()))
                .then()
                .timeout(Duration.ofSeconds(2))
                .onErrorResume(ex -> {
                    log.debug("Presence not removed: " + ex.getMessage());
                    return Mono.empty();
                })
                .doFinally(signal -> callback.run())
                .subscribe();
    }

    @Override
    public boolean isRunning() {
        return renewing != null;
    }
}
