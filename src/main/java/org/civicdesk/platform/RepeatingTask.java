package org.civicdesk.platform;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work an instance repeats on a fixed period while it runs (refreshing a gauge from PostgreSQL,
 * sweeping lapsed holds, say): started and stopped with the application context, one pass at a
 * time (a tick that comes while a pass is still running is skipped), a failed pass logged and
 * simply waiting for the next.
 */
public abstract class RepeatingTask implements SmartLifecycle {

    private final Log log = LogFactory.getLog(getClass());
    private final Duration first;
    private final Duration period;
    private volatile @Nullable Disposable running;

    protected RepeatingTask(Duration first, Duration period) {
        this.first = first;
        this.period = period;
    }

    /** One pass. */
    protected abstract Mono<Void> runOnce();

    @Override
    public void start() {
        running = Flux.interval(first, period)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(ex -> {
                    log.warn(getClass().getSimpleName() + " pass failed, will try again: " + ex.getMessage());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
