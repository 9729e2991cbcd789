package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What staff and units read about notices: counts, each unit's state, overdue ones. */
@Component
class NoticeViews {

    private final NoticeRepository notices;
    private final DeliveryOutbox outbox;
    private final Clock clock;

    NoticeViews(NoticeRepository notices, DeliveryOutbox outbox, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A notice with its acknowledgement counts, as listed for staff. */
    record Summary(Notice notice, long total, long acknowledged, long pending, boolean overdue) {
    }

    /** One unit's state for one notice. */
    record UnitState(long unitId, String name, @Nullable Instant deliveredAt, @Nullable String deliveredVia,
            @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable AckChannel via,
            boolean overdue, @Nullable Instant escalatedAt) {
    }

    /** Who acknowledged a notice and who has not. */
    record Report(long noticeId, long total, long acknowledged, long pending, long overdue, List<UnitState> units) {
    }

    /** A notice as a unit member lists it, with the unit's own state. */
    record ForUnit(NoticeMessage notice, @Nullable Instant deliveredAt, @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy, @Nullable AckChannel via, boolean overdue) {
    }

    Flux<Summary> recent(int limit, @Nullable Long before) {
        return notices.recent(limit, before, false).collectList().flatMapMany(list -> summaries(list));
    }

    Mono<Summary> one(long id) {
        return notices.find(id).switchIfEmpty(Mono.error(() -> new NoticeNotFound(id)))
                .flatMap(notice -> summaries(List.of(notice)).next());
    }

    Mono<Report> report(long id) {
        Instant now = clock.instant();
        return notices.find(id).switchIfEmpty(Mono.error(() -> new NoticeNotFound(id)))
                .flatMap(notice -> outbox.forNotice(id)
                        .map(row -> new UnitState(row.unitId(), row.unitName(), row.deliveredAt(), row.deliveredVia(),
                                row.acknowledgedAt(), row.acknowledgedBy(), row.ackVia(),
                                row.acknowledgedAt() == null && notice.overdueAt(now), row.escalatedAt()))
                        .collectList()
                        .map(units -> {
                            long acknowledged = units.stream().filter(u -> u.acknowledgedAt() != null).count();
                            long overdue = units.stream().filter(UnitState::overdue).count();
                            return new Report(id, units.size(), acknowledged, units.size() - acknowledged, overdue, units);
                        }));
    }

    Flux<ForUnit> forUnit(long unitId, int limit) {
        Instant now = clock.instant();
        return outbox.forUnit(unitId, limit).collectList()
                .flatMapMany(rows -> notices.findAll(rows.stream().map(DeliveryOutbox.Row::noticeId).toList())
                        .collectMap(Notice::id)
                        .flatMapIterable(byId -> rows.stream()
                                .filter(row -> byId.containsKey(row.noticeId()))
                                .map(row -> {
                                    Notice notice = byId.get(row.noticeId());
                                    return new ForUnit(NoticeMessage.of(notice), row.deliveredAt(), row.acknowledgedAt(),
                                            row.acknowledgedBy(), row.ackVia(), row.acknowledgedAt() == null && notice.overdueAt(now));
                                })
                                .toList()));
    }

    private Flux<Summary> summaries(List<Notice> list) {
        if (list.isEmpty()) {
            return Flux.empty();
        }
        Instant now = clock.instant();
        return outbox.counts(list.stream().map(Notice::id).toList())
                .flatMapIterable(counts -> list.stream().map(notice -> {
                    long[] c = counts.getOrDefault(notice.id(), new long[] {0, 0});
                    return new Summary(notice, c[0], c[1], c[0] - c[1], c[1] < c[0] && notice.overdueAt(now));
                }).toList());
    }
}
