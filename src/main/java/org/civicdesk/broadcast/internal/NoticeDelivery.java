package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.Severity;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.Units;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.platform.Platform;
import org.civicdesk.realtime.Realtime;
import org.civicdesk.realtime.StoredMessage;
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers outbox rows, a notice at a time, those of a notice just issued here and those a worker
 * claimed: one STOMP message on {@code /topic/notices} addressed to the units (encoded once,
 * whatever their number; numbered when the notice was issued), and for an URGENT notice
 * an SMS to each duty contact with the key {@code notice:{id}:{phone}}, so a phone never gets it
 * twice however often a row is delivered. A unit counts as reached by STOMP when a member is
 * connected, by SMS when its contacts were texted.
 */
@Component
class NoticeDelivery {

    static final String TOPIC = "/topic/notices";

    private static final Log log = LogFactory.getLog(NoticeDelivery.class);

    private final DeliveryOutbox outbox;
    private final NoticeRepository notices;
    private final Units units;
    private final Realtime realtime;
    private final Sms sms;
    private final BroadcastSettings settings;
    private final String me;
    private final Clock clock;

    NoticeDelivery(DeliveryOutbox outbox, NoticeRepository notices, Units units, Realtime realtime, Sms sms,
            BroadcastSettings settings, Platform platform, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.units = units;
        this.realtime = realtime;
        this.sms = sms;
        this.settings = settings;
        this.me = platform.instanceId();
        this.clock = clock;
    }

    /** Claims and delivers one batch; emits whether there was one. */
    Mono<Boolean> deliverBatch() {
        Instant now = clock.instant();
        return outbox.claim(me, now, now.plus(settings.claimLease()), settings.batchSize())
                .collectList()
                .flatMap(claimed -> claimed.isEmpty() ? Mono.just(false)
                        : Flux.fromIterable(byNotice(claimed).entrySet())
                                .concatMap(group -> deliver(group.getKey(), group.getValue(),
                                        messageSeq(claimed, group.getKey())))
                                .then(Mono.just(true)));
    }

    private static @Nullable Long messageSeq(List<DeliveryOutbox.Claimed> claimed, long noticeId) {
        return claimed.stream().filter(row -> row.noticeId() == noticeId && row.messageSeq() != null)
                .map(DeliveryOutbox.Claimed::messageSeq).findFirst().orElse(null);
    }

    static Map<Long, List<Long>> byNotice(List<DeliveryOutbox.Claimed> claimed) {
        return claimed.stream().collect(Collectors.groupingBy(DeliveryOutbox.Claimed::noticeId, LinkedHashMap::new,
                Collectors.mapping(DeliveryOutbox.Claimed::unitId, Collectors.toList())));
    }

    /**
     * Delivers a notice this instance just issued, from what the issuing transaction wrote: its
     * stored message goes out first, then the SMS, then the rows are done. If any of it fails, the
     * rows go back to every worker at once rather than after the lease.
     */
    Mono<Void> deliverIssued(Notice notice, List<Unit> recipients, StoredMessage message) {
        Map<Long, Unit> byId = recipients.stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        return realtime.deliver(message)
                .then(Mono.defer(() -> finish(notice, List.copyOf(byId.keySet()), byId)))
                .onErrorResume(ex -> {
                    log.warn("Notice " + notice.id() + " not delivered by the instance that issued it, left to the workers: "
                            + ex.getMessage());
                    return outbox.unclaim(notice.id(), me);
                });
    }

    /**
     * Delivers rows a worker claimed: the message stored when the notice was issued, again under
     * its number (it may have gone out before this instance died; nobody gets it twice), or a new
     * one if it was never stored (rows from before) or is forgotten.
     */
    private Mono<Void> deliver(long noticeId, List<Long> unitIds, @Nullable Long messageSeq) {
        return Mono.zip(notices.find(noticeId), units.findByIds(unitIds).collectMap(Unit::id, Function.identity()))
                .flatMap(all -> {
                    Notice notice = all.getT1();
                    Set<Long> audience = Set.copyOf(unitIds);
                    Mono<Boolean> again = messageSeq == null ? Mono.just(false)
                            : realtime.deliverAgain(TOPIC, messageSeq, audience);
                    return again
                            .flatMap(sent -> sent ? Mono.empty() : realtime.publish(TOPIC, NoticeMessage.of(notice), audience))
                            .then(Mono.defer(() -> finish(notice, unitIds, all.getT2())));
                });
    }

    /** After the STOMP message: SMS for an URGENT notice, then the rows are done, with how each unit was reached. */
    private Mono<Void> finish(Notice notice, List<Long> unitIds, Map<Long, Unit> recipients) {
        boolean urgent = notice.severity() == Severity.URGENT;
        return realtime.connectedUnits().flatMap(connected -> {
            Map<Long, String> via = new HashMap<>();
            for (Long unitId : unitIds) {
                Unit unit = recipients.get(unitId);
                via.put(unitId, connected.contains(unitId) ? "STOMP"
                        : urgent && unit != null && !unit.contacts().isEmpty() ? "SMS" : "");
            }
            return (urgent ? text(notice, recipients.values()) : Mono.<Void>empty())
                    .then(Mono.defer(() -> outbox.done(notice.id(), me, via, clock.instant())));
        });
    }

    private Mono<Void> text(Notice notice, Iterable<Unit> recipients) {
        String body = settings.smsSignature() + "紧急通知：" + notice.title() + "。请立即登录民政通查看并签收（通知编号 "
                + notice.id() + "）。";
        return Flux.fromIterable(recipients)
                .flatMapIterable(Unit::contacts)
                .concatMap(contact -> send(SmsRequest.of(contact.phone(), body, SmsPurpose.NOTICE,
                        "notice:" + notice.id() + ":" + contact.phone())))
                .then();
    }

    /** Queues one SMS; a number the gateway refuses is logged, not allowed to hold up the rest. */
    Mono<Long> send(SmsRequest request) {
        return Mono.defer(() -> sms.send(request))
                .onErrorResume(InvalidInput.class, ex -> {
                    log.warn("SMS to " + PhoneNumbers.mask(request.to()) + " refused: " + ex.getMessage());
                    return Mono.empty();
                });
    }
}
