package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicdesk.broadcast.Audience;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeDraft;
import org.civicdesk.broadcast.NoticeIssued;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.Units;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.Platform;
import org.civicdesk.realtime.Realtime;
import org.civicdesk.realtime.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues notices: resolves the audience to units, then in one transaction writes each notice, its
 * STOMP message (numbered and stored for replay) and one delivery row per unit (the outbox), the
 * rows already claimed by this instance. After commit this instance delivers what it holds, with
 * no further read, and tells the others; if it dies first, the claims' lease runs out and another
 * instance's worker delivers the same message.
 */
@Component
public class NoticeIssuer {

    private final NoticeRepository notices;
    private final DeliveryOutbox outbox;
    private final Units units;
    private final TransactionalOperator tx;
    private final NoticeWorker worker;
    private final NoticeDelivery delivery;
    private final Realtime realtime;
    private final BroadcastSettings settings;
    private final String me;
    private final Progress progress;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NoticeIssuer(NoticeRepository notices, DeliveryOutbox outbox, Units units, TransactionalOperator tx, NoticeWorker worker,
            NoticeDelivery delivery, Realtime realtime, BroadcastSettings settings, Platform platform, Progress progress,
            ApplicationEventPublisher events, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.units = units;
        this.tx = tx;
        this.worker = worker;
        this.delivery = delivery;
        this.realtime = realtime;
        this.settings = settings;
        this.me = platform.instanceId();
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    public Mono<Notice> issue(NoticeDraft draft, String by) {
        return issueAll(List.of(draft), by, null).next();
    }

    /**
     * Issues several notices in one transaction; with a source key, only if that source was not
     * turned into notices before (otherwise nothing).
     */
    Flux<Notice> issueAll(List<NoticeDraft> drafts, String by, @Nullable String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Flux.fromIterable(drafts)
                .concatMap(draft -> recipients(draft.audience()).map(recipients -> Map.entry(draft, recipients)))
                .collectList()
                .flatMapMany(resolved -> {
                    Mono<Boolean> go = source == null ? Mono.just(true) : notices.claimSource(source, now);
                    return go.flatMapMany(fresh -> fresh ? Flux.fromIterable(resolved)
                            .concatMap(entry -> write(entry.getKey(), entry.getValue(), by, now)) : Flux.empty());
                })
                .as(tx::transactional)
                .collectList()
                .flatMapMany(issued -> {
                    issued.forEach(notice -> worker.deliverNow(delivery.deliverIssued(notice.notice(), notice.recipients(),
                            notice.message())));
                    return Flux.fromIterable(issued).concatMap(notice -> {
                        int count = notice.recipients().size();
                        events.publishEvent(new NoticeIssued(notice.notice(), count));
                        return progress.issued(notice.notice(), count).thenReturn(notice.notice());
                    });
                });
    }

    /** A notice written in the issuing transaction, with what it takes to deliver it after commit. */
    private record Written(Notice notice, List<Unit> recipients, StoredMessage message) {
    }

    private Mono<Written> write(NoticeDraft draft, List<Unit> recipients, String by, Instant now) {
        Instant deadline = draft.requiresAck() && draft.ackDeadlineMinutes() != null
                ? now.plus(draft.ackDeadlineMinutes(), ChronoUnit.MINUTES) : null;
        Set<Long> unitIds = recipients.stream().map(Unit::id).collect(Collectors.toUnmodifiableSet());
        return notices.insert(draft, by, now, deadline)
                .flatMap(notice -> realtime.store(NoticeDelivery.TOPIC, NoticeMessage.of(notice), unitIds)
                        .flatMap(message -> outbox.insertClaimed(notice.id(), recipients, message.seq(), me,
                                        clock.instant().plus(settings.claimLease()))
                                .thenReturn(new Written(notice, recipients, message))));
    }

    /** The units an audience names; an unknown unit or an empty audience is the caller's mistake. */
    Mono<List<Unit>> recipients(Audience audience) {
        Flux<Unit> found;
        if (audience.all()) {
            found = units.findAll();
        }
        else if (!audience.unitTypes().isEmpty()) {
            found = Flux.fromIterable(Set.copyOf(audience.unitTypes())).concatMap(units::findByType);
        }
        else {
            Set<Long> wanted = Set.copyOf(audience.unitIds());
            found = units.findByIds(wanted).collectList().flatMapMany(list -> {
                Set<Long> known = list.stream().map(Unit::id).collect(Collectors.toSet());
                return wanted.stream().filter(id -> !known.contains(id)).findFirst()
                        .<Flux<Unit>>map(missing -> Flux.error(new InvalidInput("unit-not-found", "audience.unitIds",
                                "没有编号为 " + missing + " 的单位。", "There is no unit " + missing + ".")))
                        .orElse(Flux.fromIterable(list));
            });
        }
        return found.collectMap(Unit::id, unit -> unit, LinkedHashMap::new)
                .map(byId -> List.copyOf(byId.values()))
                .flatMap(list -> list.isEmpty()
                        ? Mono.error(new InvalidInput("empty-audience", "audience", "通知对象中没有任何单位。",
                                "The audience contains no unit."))
                        : Mono.just(list));
    }
}
