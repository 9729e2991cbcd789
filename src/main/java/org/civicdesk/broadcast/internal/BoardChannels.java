package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.broadcast.NotAUnitMember;
import org.civicdesk.broadcast.NoticeNotFound;
import org.civicdesk.broadcast.Notices;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.identity.Caller;
import org.civicdesk.realtime.InboundSend;
import org.civicdesk.realtime.Realtime;
import org.civicdesk.realtime.TopicPolicy;
import org.civicdesk.realtime.UserSubscribed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The STOMP side of notices for the units' boards: who may subscribe to {@code /topic/notices}
 * (a unit's members get their unit's notices; the command group all of them),
 * {@code /user/queue/notices} and {@code /topic/acknowledgements} (staff); acknowledging with
 * {@code SEND /app/notices/{id}/ack}; and, when a member subscribes to its queue, the notices
 * its unit has not had yet or must still acknowledge.
 */
@Component
class BoardChannels {

    static final String QUEUE = "/user/queue/notices";

    private static final Log log = LogFactory.getLog(BoardChannels.class);

    private final Realtime realtime;
    private final Notices notices;
    private final NoticeRepository repository;
    private final DeliveryOutbox outbox;
    private final Clock clock;

    BoardChannels(Realtime realtime, Notices notices, NoticeRepository repository, DeliveryOutbox outbox, Clock clock) {
        this.realtime = realtime;
        this.notices = notices;
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        realtime.declare(NoticeDelivery.TOPIC, new TopicPolicy() {
            @Override
            public boolean maySubscribe(@Nullable Caller caller) {
                return caller != null && caller.isStaff() && (caller.has(StaffRole.ADMIN) || caller.unitId() != null);
            }

            @Override
            public boolean receives(@Nullable Caller caller, Set<Long> unitIds) {
                return caller != null && (caller.has(StaffRole.ADMIN) || (caller.unitId() != null && unitIds.contains(caller.unitId())));
            }
        });
        realtime.declare(QUEUE, caller -> caller != null && caller.isStaff() && caller.unitId() != null);
        realtime.declare(Progress.TOPIC, caller -> caller != null && (caller.has(StaffRole.ADMIN)
                || caller.has(StaffRole.REGISTRY_STAFF) || caller.has(StaffRole.FUNERAL_STAFF)));
        realtime.onSend("/app/notices/{id}/ack", this::acknowledge);
    }

    private Mono<Void> acknowledge(InboundSend send) {
        Long unitId = send.caller().unitId();
        if (unitId == null || !send.caller().has(StaffRole.UNIT_MEMBER)) {
            return Mono.error(new NotAUnitMember());
        }
        long noticeId;
        try {
            noticeId = Long.parseLong(send.variables().get("id"));
        }
        catch (NumberFormatException ex) {
            return Mono.error(new NoticeNotFound(-1));
        }
        return notices.acknowledge(noticeId, unitId, send.caller().subject(), AckChannel.STOMP).then();
    }

    @EventListener
    void subscribed(UserSubscribed event) {
        Long unitId = event.unitId();
        if (!QUEUE.equals(event.destination()) || unitId == null) {
            return;
        }
        outbox.waiting(unitId).collectList()
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> repository.findAll(ids)
                        .concatMap(notice -> realtime.sendToUser(event.username(), QUEUE, NoticeMessage.of(notice)))
                        .then(outbox.delivered(ids, unitId, "STOMP", clock.instant())))
                .subscribe(done -> { }, ex -> log.warn("Waiting notices not sent to a board: " + ex.getMessage()));
    }
}
