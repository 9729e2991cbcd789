package org.civicdesk.platform;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Helpers for a component's asynchronous {@code SmartLifecycle.stop(Runnable)}: the stop's work
 * runs as a reactive chain and the callback tells the context when it is over, so no thread of
 * ours waits (the context's closing thread waits for the callback, up to its phase timeout).
 */
public final class Stopping {

    private static final Duration POLL = Duration.ofMillis(20);

    private Stopping() {
    }

    /** Completes once the work in hand is done, or when the time is up, whichever comes first. */
    public static Mono<Void> whenDone(BooleanSupplier done, Duration atMost) {
        return Flux.interval(Duration.ZERO, POLL)
                .filter(tick -> done.getAsBoolean())
                .next()
                .then()
                .timeout(atMost, Mono.empty());
    }

    /**
     * Runs a stop's work with a time limit, logs (never throws) a failure or an overrun, then runs
     * the lifecycle's callback whatever happened.
     */
    public static void run(Mono<Void> work, Duration atMost, Log log, String what, Runnable callback) {
        Mono.defer(() -> work)
                .timeout(atMost)
                .onErrorResume(ex -> {
                    log.warn("Stopping: could not " + what + ": " + ex.getMessage());
                    return Mono.empty();
                })
                .doFinally(signal -> callback.run())
                .subscribe();
    }
}
