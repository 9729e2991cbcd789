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
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers claimed outbox rows, a notice at a time: one STOMP message on {@code /topic/notices}
 * addressed to the claimed units (encoded once, whatever their number), and for an URGENT notice
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
                                .concatMap(group -> deliver(group.getKey(), group.getValue()))
                                .then(Mono.just(true)));
    }

    static Map<Long, List<Long>> byNotice(List<DeliveryOutbox.Claimed> claimed) {
        return claimed.stream().collect(Collectors.groupingBy(DeliveryOutbox.Claimed::noticeId, LinkedHashMap::new,
                Collectors.mapping(DeliveryOutbox.Claimed::unitId, Collectors.toList())));
    }

    private Mono<Void> deliver(long noticeId, List<Long> unitIds) {
        return Mono.zip(notices.find(noticeId), units.findByIds(unitIds).collectMap(Unit::id, Function.identity()),
                        realtime.connectedUnits())
                .flatMap(all -> {
                    Notice notice = all.getT1();
                    Map<Long, Unit> recipients = all.getT2();
                    Set<Long> connected = all.getT3();
                    boolean urgent = notice.severity() == Severity.URGENT;
                    Map<Long, String> via = new HashMap<>();
                    for (Long unitId : unitIds) {
                        Unit unit = recipients.get(unitId);
                        via.put(unitId, connected.contains(unitId) ? "STOMP"
                                : urgent && unit != null && !unit.contacts().isEmpty() ? "SMS" : "");
                    }
                    return realtime.publish(TOPIC, NoticeMessage.of(notice), Set.copyOf(unitIds))
                            .then(urgent ? text(notice, recipients.values()) : Mono.empty())
                            .then(Mono.defer(() -> outbox.done(noticeId, me, via, clock.instant())));
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
