package org.civicdesk.broadcast.internal;

import java.time.Instant;

import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.broadcast.Acknowledgement;
import org.civicdesk.broadcast.NoticeAcknowledged;
import org.civicdesk.broadcast.NoticeNotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records acknowledgements, by HTTP or STOMP alike: one per unit counts (a conditional update,
 * so two members acknowledging at once still make one), then the command group sees it live.
 */
@Component
public class Acknowledging {

    private final DeliveryOutbox outbox;
    private final NoticeRepository notices;
    private final Progress progress;
    private final ApplicationEventPublisher events;

    Acknowledging(DeliveryOutbox outbox, NoticeRepository notices, Progress progress, ApplicationEventPublisher events) {
        this.outbox = outbox;
        this.notices = notices;
        this.progress = progress;
        this.events = events;
    }

    public Mono<Acknowledgement> acknowledge(long noticeId, long unitId, String by, AckChannel via, Instant now) {
        return outbox.acknowledge(noticeId, unitId, by, via, now)
                .switchIfEmpty(Mono.error(() -> new NoticeNotFound(noticeId)))
                .flatMap(result -> {
                    DeliveryOutbox.Row row = result.getKey();
                    boolean first = result.getValue();
                    Acknowledgement ack = new Acknowledgement(noticeId, unitId, row.acknowledgedAt(), row.acknowledgedBy(),
                            row.ackVia(), first);
                    if (!first) {
                        return Mono.just(ack);
                    }
                    events.publishEvent(new NoticeAcknowledged(ack));
                    return notices.find(noticeId)
                            .flatMap(notice -> progress.acknowledged(notice, unitId, ack.acknowledgedAt(), via))
                            .thenReturn(ack);
                });
    }
}
