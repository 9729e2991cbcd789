package org.civicdesk.platform;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Work an instance repeats on a fixed period while it runs (refreshing a gauge from PostgreSQL,
 * say): started and stopped with the application context, one pass at a time, a failed pass
 * simply waiting for the next.
 */
public abstract class RepeatingTask implements SmartLifecycle {

    private final Duration first;
    private final Duration period;
    private volatile Disposable running;

    protected RepeatingTask(Duration first, Duration period) {
        this.first = first;
        this.period = period;
    }

    /** One pass. */
    protected abstract Mono<Void> runOnce();

    @Override
    public void start() {
        running = Flux.interval(first, period)
                .concatMap(tick -> Mono.defer(this::runOnce).onErrorResume(ex -> Mono.empty()))
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
