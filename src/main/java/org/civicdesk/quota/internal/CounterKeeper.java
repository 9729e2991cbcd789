package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the Redis counters true to PostgreSQL: rebuilds them all at start-up, whenever Redis
 * answers again after it did not, every so often anyway, and one day at a time when the gate
 * finds a day missing or PostgreSQL refused a seat Redis had granted. Also tells the gate whether
 * to try Redis at all, and passes on the configuration version other instances bump.
 */
@Component
class CounterKeeper implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(CounterKeeper.class);
    private static final Duration REBUILD_LEASE = Duration.ofSeconds(30);

    private final SeatCounters counters;
    private final QuotaRepository quotas;
    private final SeatRepository seats;
    private final QuotaCache cache;
    private final QuotaSettings settings;
    private final Clock clock;
    private final FullSlots fullSlots;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final Set<String> dayRebuilds = ConcurrentHashMap.newKeySet();
    private volatile boolean redisUp = true;
    private volatile boolean needsRebuild = true;
    private volatile long lastFullRebuild;
    private volatile @Nullable Disposable loop;

    CounterKeeper(SeatCounters counters, QuotaRepository quotas, SeatRepository seats, QuotaCache cache,
            FullSlots fullSlots, QuotaSettings settings, Clock clock) {
        this.fullSlots = fullSlots;
        this.counters = counters;
        this.quotas = quotas;
        this.seats = seats;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the gate should ask Redis first (false while it is known to be away). */
    boolean redisUsable() {
        return redisUp;
    }

    /** A Redis call failed: go straight to PostgreSQL until Redis answers again (then rebuild). */
    void redisFailed(Throwable ex) {
        if (redisUp) {
            log.warn("Redis unavailable, the seat gate uses PostgreSQL alone until it returns: " + ex.getMessage());
        }
        redisUp = false;
        needsRebuild = true;
    }

    /** Counters are missing (Redis restarted or was flushed): rebuild everything soon. */
    void requestFullRebuild() {
        needsRebuild = true;
    }

    /** Rebuilds one day's counters now, unless a rebuild of it is already running. */
    Mono<Void> rebuildDay(ServiceCode service, LocalDate date) {
        String key = service + ":" + date;
        if (!dayRebuilds.add(key)) {
            return Mono.empty();
        }
        return quotas.day(service, date)
                .flatMap(counters::rebuild)
                .doOnSuccess(v -> fullSlots.forget(service, date))
                .onErrorResume(ex -> {
                    log.warn("Could not rebuild the counters of " + key + ": " + ex.getMessage());
                    return Mono.empty();
                })
                .doFinally(signal -> dayRebuilds.remove(key));
    }

    @Override
    public void start() {
        needsRebuild = true;
        loop = Flux.interval(Duration.ZERO, settings.redisCheckInterval())
                .onBackpressureDrop()
                .concatMap(tick -> check(), 1)
                .subscribe();
    }

    private Mono<Void> check() {
        return counters.version()
                .flatMap(version -> {
                    cache.observe(version);
                    boolean due = System.nanoTime() - lastFullRebuild > settings.counterRebuildInterval().toNanos();
                    if (!needsRebuild && !due) {
                        redisUp = true;
                        return Mono.empty();
                    }
                    return rebuildAll().doOnSuccess(v -> {
                        if (!redisUp) {
                            log.info("Redis answers again; seat counters rebuilt from PostgreSQL");
                        }
                        redisUp = true;
                    });
                })
                .onErrorResume(ex -> {
                    redisFailed(ex);
                    return Mono.empty();
                });
    }

    /** Rebuilds every day from today and every person lock, once across instances at a time. */
    Mono<Void> rebuildAll() {
        if (!rebuilding.compareAndSet(false, true)) {
            return Mono.empty();
        }
        LocalDate today = LocalDate.now(clock);
        Set<ServiceCode> all = EnumSet.allOf(ServiceCode.class);
        return counters.claimRebuild(REBUILD_LEASE)
                .flatMap(claimed -> !claimed ? Mono.<Void>empty()
                        : seats.forgetBefore(today)
                                .thenMany(quotas.daysFrom(today, all))
                                .flatMap(counters::rebuild, 4)
                                .then(seats.holders(today).collectMultimap(SeatRepository.Holder::service))
                                .flatMap(holders -> Flux.fromIterable(all)
                                        .concatMap(service -> {
                                            Map<String, String> persons = new LinkedHashMap<>();
                                            holders.getOrDefault(service, java.util.List.of())
                                                    .forEach(h -> persons.put(h.personKey(), SeatCounters.holder(h.code(), h.day())));
                                            return counters.rebuildPersons(service, persons);
                                        })
                                        .then())
                                .then(counters.endRebuild()))
                .doOnSuccess(v -> {
                    needsRebuild = false;
                    lastFullRebuild = System.nanoTime();
                })
                .doFinally(signal -> rebuilding.set(false));
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
