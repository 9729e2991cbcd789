package org.civicdesk.broadcast;

import java.time.Clock;
import java.time.Instant;

import org.civicdesk.broadcast.internal.Acknowledging;
import org.civicdesk.broadcast.internal.NoticeIssuer;
import org.civicdesk.broadcast.internal.NoticeRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bureau's notices: issue one to an audience (written with its delivery outbox in one
 * transaction and delivered at least once by STOMP and, when urgent, SMS), look one up, and
 * record a unit's acknowledgement, of which the first counts.
 */
@Service
public class Notices {

    private final NoticeIssuer issuer;
    private final NoticeRepository repository;
    private final Acknowledging acknowledging;
    private final Clock clock;

    Notices(NoticeIssuer issuer, NoticeRepository repository, Acknowledging acknowledging, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.acknowledging = acknowledging;
        this.clock = clock;
    }

    /** Issues a notice; {@code InvalidInput} when its audience names no unit or an unknown one. */
    public Mono<Notice> issue(NoticeDraft draft, String issuedBy) {
        return issuer.issue(draft, issuedBy);
    }

    /** The notice, or {@link NoticeNotFound}. */
    public Mono<Notice> find(long id) {
        return repository.find(id).switchIfEmpty(Mono.error(() -> new NoticeNotFound(id)));
    }

    /** The newest public notices, newest first (for the feed, the phone line and chats). */
    public Flux<Notice> latestPublic(int limit) {
        return repository.recent(limit, null, true);
    }

    /**
     * A unit acknowledges a notice addressed to it ({@link NoticeNotFound} otherwise); asking
     * again reports the first acknowledgement.
     */
    public Mono<Acknowledgement> acknowledge(long noticeId, long unitId, String by, AckChannel via) {
        Instant now = clock.instant();
        return acknowledging.acknowledge(noticeId, unitId, by, via, now);
    }
}
