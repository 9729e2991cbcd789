package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.civicdesk.broadcast.Notice;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.Units;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chases units that let a notice's deadline pass without acknowledging it: their duty contacts
 * get an SMS (key {@code escalation:{id}:{phone}}), the unit is marked escalated for staff, and
 * the command group sees it live. Rows are claimed in PostgreSQL with a lease, so several
 * instances never chase a unit twice, and one that dies mid-way leaves its rows to another.
 */
@Component
class NoticeEscalation {

    private final DeliveryOutbox outbox;
    private final NoticeRepository notices;
    private final Units units;
    private final NoticeDelivery delivery;
    private final Progress progress;
    private final BroadcastSettings settings;
    private final Clock clock;

    NoticeEscalation(DeliveryOutbox outbox, NoticeRepository notices, Units units, NoticeDelivery delivery, Progress progress,
            BroadcastSettings settings, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.units = units;
        this.delivery = delivery;
        this.progress = progress;
        this.settings = settings;
        this.clock = clock;
    }

    /** Claims and escalates one batch; emits whether there was one. */
    Mono<Boolean> escalateBatch() {
        Instant now = clock.instant();
        return outbox.claimOverdue(now, now.plus(settings.claimLease()), settings.batchSize())
                .collectList()
                .flatMap(claimed -> claimed.isEmpty() ? Mono.just(false)
                        : Flux.fromIterable(NoticeDelivery.byNotice(claimed).entrySet())
                                .concatMap(group -> escalate(group.getKey(), group.getValue()))
                                .then(Mono.just(true)));
    }

    private Mono<Void> escalate(long noticeId, List<Long> unitIds) {
        return Mono.zip(notices.find(noticeId), units.findByIds(unitIds).collectMap(Unit::id, Function.identity()))
                .flatMap(all -> {
                    Notice notice = all.getT1();
                    Map<Long, Unit> overdue = all.getT2();
                    return Flux.fromIterable(overdue.values())
                            .concatMap(unit -> Flux.fromIterable(unit.contacts())
                                    .concatMap(contact -> delivery.send(SmsRequest.of(contact.phone(), text(notice, unit),
                                            SmsPurpose.ESCALATION, "escalation:" + notice.id() + ":" + contact.phone()))))
                            .then(Mono.defer(() -> {
                                Instant at = clock.instant();
                                return outbox.escalated(noticeId, unitIds, at).then(progress.escalated(notice, unitIds, at));
                            }));
                });
    }

    private String text(Notice notice, Unit unit) {
        return settings.smsSignature() + "通知「" + notice.title() + "」已过签收时限，" + unit.name()
                + "尚未签收，请立即登录民政通签收（通知编号 " + notice.id() + "）。";
    }
}
