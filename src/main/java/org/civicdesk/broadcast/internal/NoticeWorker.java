package org.civicdesk.broadcast.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.platform.Stopping;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The loop that works the outbox on every instance: at each poll it delivers everything due (rows
 * whose issuing instance did not finish them), then escalates everything overdue. It also runs the
 * deliveries of notices issued here, at once and beside the loop. When the instance stops, its
 * unfinished claims go back to the others at once.
 */
@Component
class NoticeWorker implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(NoticeWorker.class);

    private final NoticeDelivery delivery;
    private final NoticeEscalation escalation;
    private final DeliveryOutbox outbox;
    private final BroadcastSettings settings;
    private final Platform platform;
    private final AtomicInteger delivering = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean passing;
    private volatile @Nullable Disposable loop;

    NoticeWorker(NoticeDelivery delivery, NoticeEscalation escalation, DeliveryOutbox outbox,
            BroadcastSettings settings, Platform platform) {
        this.delivery = delivery;
        this.escalation = escalation;
        this.outbox = outbox;
        this.settings = settings;
        this.platform = platform;
    }

    /**
     * Runs the delivery of a notice just issued here, without holding up the caller; a failure is
     * the delivery's to handle (its rows stay in the outbox for the loop).
     */
    void deliverNow(Mono<Void> delivery) {
        delivery.doOnSubscribe(subscription -> delivering.incrementAndGet())
                .doFinally(signal -> delivering.decrementAndGet())
                .subscribe(null, ex -> log.warn("Notice delivery failed, the outbox will retry it: " + ex.getMessage()));
    }

    @Override
    public void start() {
        running = true;
        loop = Flux.interval(Duration.ZERO, settings.pollInterval())
                .onBackpressureDrop()
                .concatMap(tick -> drain(Mono.defer(delivery::deliverBatch))
                        .then(drain(Mono.defer(escalation::escalateBatch)))
                        .onErrorResume(ex -> {
                            log.warn("Notice outbox pass failed, will try again: " + ex.getMessage());
                            return Mono.empty();
                        })
                        .doOnSubscribe(subscription -> passing = true)
                        .doFinally(signal -> passing = false), 1)
                .subscribe();
    }

    private Mono<Void> drain(Mono<Boolean> batch) {
        return batch.repeat().takeWhile(more -> more && running).then();
    }

    @Override
    public void stop() {
        running = false;
        // Let the batch and the deliveries in hand finish (no more are started) rather than cut their queries off.
        Stopping.awaitDone(() -> !passing && delivering.get() == 0, Duration.ofSeconds(10));
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
        loop = null;
        try {
            // Stopping: the rows this instance claimed go to the others now, not after the lease.
            outbox.release(platform.instanceId()).block(Duration.ofSeconds(5));
        }
        catch (RuntimeException ex) {
            log.warn("Could not hand this instance's notice deliveries back: " + ex.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    @Override
    public int getPhase() {
        // Stops before the web server's graceful shutdown ends and before the pools close.
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }
}
