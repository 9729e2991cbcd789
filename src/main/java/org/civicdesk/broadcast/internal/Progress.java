package org.civicdesk.broadcast.internal;

import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.realtime.Realtime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Live acknowledgement progress for the command group on {@code /topic/acknowledgements}: a
 * notice issued, a unit acknowledging, units escalated, each with the notice's counts. Never
 * fails what it reports on: a lost progress message is recovered from history or the API.
 */
@Component
class Progress {

    static final String TOPIC = "/topic/acknowledgements";

    private static final Log log = LogFactory.getLog(Progress.class);

    private final Realtime realtime;
    private final DeliveryOutbox outbox;

    Progress(Realtime realtime, DeliveryOutbox outbox) {
        this.realtime = realtime;
        this.outbox = outbox;
    }

    /**
     * One step of a notice's progress.
     *
     * @param event          {@code ISSUED}, {@code ACKNOWLEDGED} or {@code ESCALATED}
     * @param noticeId       the notice
     * @param title          its title
     * @param unitIds        the units concerned (none for ISSUED)
     * @param at             when
     * @param via            how a unit acknowledged
     * @param total          units the notice went to
     * @param acknowledged   units that acknowledged
     * @param pending        units that have not
     */
    record Step(String event, long noticeId, String title, List<Long> unitIds, Instant at, @Nullable AckChannel via,
            long total, long acknowledged, long pending) {
    }

    Mono<Void> issued(Notice notice, int units) {
        return publish(new Step("ISSUED", notice.id(), notice.title(), List.of(), notice.issuedAt(), null, units, 0, units));
    }

    Mono<Void> acknowledged(Notice notice, long unitId, Instant at, AckChannel via) {
        return counted(notice, "ACKNOWLEDGED", List.of(unitId), at, via);
    }

    Mono<Void> escalated(Notice notice, List<Long> unitIds, Instant at) {
        return counted(notice, "ESCALATED", unitIds, at, null);
    }

    private Mono<Void> counted(Notice notice, String event, List<Long> unitIds, Instant at, @Nullable AckChannel via) {
        return outbox.counts(List.of(notice.id()))
                .map(counts -> counts.getOrDefault(notice.id(), new long[] {0, 0}))
                .flatMap(c -> publish(new Step(event, notice.id(), notice.title(), unitIds, at, via, c[0], c[1], c[0] - c[1])));
    }

    private Mono<Void> publish(Step step) {
        return realtime.publish(TOPIC, step, null)
                .then()
                .onErrorResume(ex -> {
                    log.warn("Progress of notice " + step.noticeId() + " not published: " + ex.getMessage());
                    return Mono.empty();
                });
    }
}
