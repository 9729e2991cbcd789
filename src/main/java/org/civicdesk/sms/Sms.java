package org.civicdesk.sms;

import java.time.Clock;

import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.sms.internal.SmsDispatcher;
import org.civicdesk.sms.internal.SmsOutbox;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way CivicDesk sends SMS. A message is written to the outbox first and sent by the
 * paced dispatcher, so that nothing is lost when Twilio is slow or an instance stops, and a
 * message with an idempotency key is sent once however often it is asked for.
 */
@Service
public class Sms {

    private final SmsOutbox outbox;
    private final SmsDispatcher dispatcher;
    private final Clock clock;

    Sms(SmsOutbox outbox, SmsDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Queues a message.
     *
     * @return the message's number; for a repeated idempotency key, the first message's
     */
    public Mono<Long> send(SmsRequest request) {
        String to = PhoneNumbers.normalize(request.to(), "to");
        SmsRequest normalised = new SmsRequest(to, request.body(), request.purpose(), request.idempotencyKey(),
                request.sensitive(), request.essential());
        Mono<Boolean> suppressed = normalised.essential() ? Mono.just(false) : outbox.optedOut(to);
        return suppressed
                .flatMap(optedOut -> outbox.enqueue(normalised, optedOut ? SmsStatus.SUPPRESSED : SmsStatus.PENDING, clock.instant()))
                .doOnNext(id -> dispatcher.wake());
    }

    /** Records a status Twilio reported for one of our messages (its status callback). */
    public Mono<Void> recordStatus(String messageSid, String status, @Nullable Integer errorCode) {
        return dispatcher.recordStatus(messageSid, SmsStatus.fromTwilio(status), errorCode);
    }

    /** The recipient asked to receive no more non-essential messages (STOP, 退订). */
    public Mono<Void> optOut(String phone) {
        return outbox.optOut(PhoneNumbers.normalize(phone, "phone"), clock.instant());
    }

    /** The recipient asked to receive them again (START). */
    public Mono<Void> optIn(String phone) {
        return outbox.optIn(PhoneNumbers.normalize(phone, "phone"));
    }

    public Mono<Boolean> isOptedOut(String phone) {
        return outbox.optedOut(PhoneNumbers.normalize(phone, "phone"));
    }

    public Mono<SmsRecord> find(long id) {
        return outbox.find(id);
    }

    /** The newest messages, optionally of one status, for the staff outbox. */
    public Flux<SmsRecord> recent(@Nullable SmsStatus status, int limit) {
        return outbox.recent(status, Math.max(1, Math.min(limit, 500)));
    }
}
