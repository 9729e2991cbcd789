package org.civicdesk.sms.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.platform.Platform;
import org.civicdesk.platform.Stopping;
import org.civicdesk.sms.SmsStatus;
import org.civicdesk.sms.TwilioSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Sends what the outbox holds: claims one due message at a time, waits for its paced slot, hands
 * it to Twilio on a bounded scheduler and records the answer. Transient failures go back to the
 * outbox with a growing delay; permanent ones are marked failed for staff to see. A message whose
 * sender died mid-call is first looked up at Twilio, so it is never sent twice.
 */
@Component
public class SmsDispatcher implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(SmsDispatcher.class);

    /** Twilio error codes that may succeed if tried again later. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(20429, 20500, 20503, 21611, 30001, 30008);

    private final SmsOutbox outbox;
    private final TwilioGateway twilio;
    private final Pacer pacer;
    private final SimulatedInbox inbox;
    private final SmsSettings settings;
    private final TwilioSettings twilioSettings;
    private final Platform platform;
    private final Clock clock;
    private final MeterRegistry meters;
    private volatile Scheduler blocking = Schedulers.immediate();
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().onBackpressureBuffer(1, false);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean accepting;
    private volatile @Nullable Disposable loop;

    SmsDispatcher(SmsOutbox outbox, TwilioGateway twilio, Pacer pacer, SimulatedInbox inbox, SmsSettings settings,
            TwilioSettings twilioSettings, Platform platform, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.twilio = twilio;
        this.pacer = pacer;
        this.inbox = inbox;
        this.settings = settings;
        this.twilioSettings = twilioSettings;
        this.platform = platform;
        this.clock = clock;
        this.meters = meters;
    }

    /** Tells this instance a message was queued, so it need not wait for the next poll. */
    public void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        // The blocking Twilio SDK runs here, never on an event loop; made anew at each start,
        // since a stopped context (a paused test context, say) may be started again.
        blocking = Schedulers.newBoundedElastic(
                Math.max(settings.schedulerThreads(), settings.effectiveConcurrency()), 10_000, "twilio-sdk");
        accepting = true;
        loop = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()).map(tick -> Boolean.TRUE), wakeups.asFlux())
                .onBackpressureDrop()
                .concatMap(signal -> drain()
                        .onErrorResume(ex -> {
                            log.warn("SMS outbox pass failed, will try again: " + ex.getMessage());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        // Finish what is in flight, then hand the rest of this instance's claims back to the others.
        accepting = false;
        Stopping.awaitDone(() -> inFlight.get() == 0, Duration.ofSeconds(10));
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
        if (inFlight.get() == 0) {
            try {
                outbox.release(platform.instanceId(), clock.instant()).block(Duration.ofSeconds(5));
            }
            catch (RuntimeException ex) {
                log.warn("Could not hand this instance's SMS claims back: " + ex.getMessage());
            }
        }
        blocking.dispose();
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

    /** One pass: adopt abandoned messages, then send until nothing is due. */
    Mono<Void> drain() {
        return Mono.defer(this::recoverAbandoned)
                .then(Flux.range(0, Math.max(1, settings.effectiveConcurrency()))
                        .flatMap(worker -> sendNext().repeat().takeWhile(Boolean::booleanValue).then())
                        .then());
    }

    private Mono<Boolean> sendNext() {
        return Mono.defer(() -> {
            if (!accepting) {
                return Mono.just(false);
            }
            Instant now = clock.instant();
            inFlight.incrementAndGet();
            return outbox.claim(platform.instanceId(), 1, now, now.plus(lease()))
                    .next()
                    .flatMap(message -> deliver(message).thenReturn(true))
                    .defaultIfEmpty(false)
                    .doFinally(signal -> inFlight.decrementAndGet());
        });
    }

    private Duration lease() {
        long pacingMillis = Math.round(1000.0 * settings.effectiveConcurrency() * 8 / settings.messagesPerSecond());
        return settings.claimLease().plusMillis(pacingMillis);
    }

    private Mono<Void> deliver(SmsOutbox.Claimed message) {
        if (!twilio.configured()) {
            return pacer.acquire().then(simulate(message));
        }
        return pacer.acquire()
                .then(Mono.fromCallable(() -> twilio.send(message.to(), message.body(), statusCallback()))
                        .subscribeOn(blocking))
                .onErrorResume(ex -> failed(message, ex).then(Mono.empty()))
                .flatMap(sent -> {
                    count(sent.status());
                    return outbox.markHandedOver(message.id(), sent.sid(), sent.status(), message.sensitive(), clock.instant())
                            .onErrorResume(ex -> {
                                // Twilio has it: it is never sent again. The claim runs out and the
                                // recovery of abandoned claims finds it at Twilio and records it.
                                log.warn("SMS " + message.id() + " was handed to Twilio as " + sent.sid()
                                        + " but could not be recorded (" + ex.getMessage() + "); it is not sent again");
                                return Mono.empty();
                            });
                });
    }

    private Mono<Void> simulate(SmsOutbox.Claimed message) {
        inbox.add(new SimulatedInbox.Entry(message.id(), message.to(), message.body(), message.purpose(), clock.instant()));
        log.info("SIMULATED SMS to " + PhoneNumbers.mask(message.to()) + " [" + message.purpose() + "]: "
                + (message.sensitive() ? "(one-time code, not logged)" : message.body()));
        count(SmsStatus.SIMULATED);
        return outbox.markHandedOver(message.id(), null, SmsStatus.SIMULATED, message.sensitive(), clock.instant());
    }

    private Mono<Void> failed(SmsOutbox.Claimed message, Throwable ex) {
        Integer code = ex instanceof ApiException api ? api.getCode() : null;
        Integer http = ex instanceof ApiException api ? api.getStatusCode() : null;
        boolean transientFailure = ex instanceof ApiConnectionException
                || !(ex instanceof ApiException)
                || (http != null && (http == 429 || http >= 500))
                || (code != null && TRANSIENT_CODES.contains(code));
        Instant now = clock.instant();
        String reason = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (transientFailure && message.attempts() < settings.maxAttempts()) {
            log.info("SMS " + message.id() + " to " + PhoneNumbers.mask(message.to()) + " failed for now (" + reason
                    + "), retrying");
            return outbox.markRetry(message.id(), code, reason, now.plus(backoff(message.attempts())), now);
        }
        log.warn("SMS " + message.id() + " to " + PhoneNumbers.mask(message.to()) + " failed for good: " + reason);
        count(SmsStatus.FAILED);
        return outbox.markFailed(message.id(), code, reason, message.sensitive(), now);
    }

    Duration backoff(int attempts) {
        Duration delay = settings.retryBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : delay;
    }

    /**
     * Messages claimed by an instance that stopped answering: if Twilio already has one, record
     * it; if not, it goes back into the outbox to be sent once.
     */
    private Mono<Void> recoverAbandoned() {
        return Mono.defer(() -> Mono.just(clock.instant()))
                .flatMapMany(now -> outbox.claimAbandoned(platform.instanceId(), 20, now, now.plus(lease())))
                .concatMap(message -> (twilio.configured()
                        ? Mono.fromCallable(() -> twilio.findSent(message.to(), message.body(), message.createdAt()))
                                .subscribeOn(blocking)
                        : Mono.just(Optional.<TwilioGateway.Sent>empty()))
                        .flatMap(found -> found.isPresent()
                                ? outbox.markHandedOver(message.id(), found.get().sid(), found.get().status(),
                                        message.sensitive(), clock.instant())
                                : outbox.markRetry(message.id(), null, "Sender stopped mid-delivery; not at Twilio, resending",
                                        clock.instant(), clock.instant()))
                        .onErrorResume(ex -> {
                            log.warn("Could not check abandoned SMS " + message.id() + " at Twilio: " + ex.getMessage());
                            return Mono.empty();
                        }))
                .then();
    }

    /** A status Twilio reported; out-of-order reports never move a message backwards. */
    public Mono<Void> recordStatus(String sid, SmsStatus status, @Nullable Integer errorCode) {
        Instant now = clock.instant();
        return outbox.findBySid(sid)
                .filter(tracked -> tracked.status().isBefore(status))
                .flatMap(tracked -> {
                    count(status);
                    boolean retry = (status == SmsStatus.UNDELIVERED || status == SmsStatus.FAILED)
                            && errorCode != null && TRANSIENT_CODES.contains(errorCode)
                            && tracked.attempts() < settings.maxAttempts();
                    return retry
                            ? outbox.requeueUndelivered(tracked.id(), errorCode, now.plus(backoff(tracked.attempts())), now)
                                    .doOnSuccess(v -> wake())
                            : outbox.updateStatus(tracked.id(), status, errorCode, now);
                });
    }

    private @Nullable String statusCallback() {
        String base = twilioSettings.publicBaseUrl() != null ? twilioSettings.publicBaseUrl()
                : platform.settings().publicBaseUrl();
        if (base == null || base.isBlank()) {
            return null;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/channels/twilio/sms/status";
    }

    private void count(SmsStatus status) {
        meters.counter("civicdesk.sms.messages", "status", status.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }
}
