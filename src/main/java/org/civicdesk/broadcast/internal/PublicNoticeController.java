package org.civicdesk.broadcast.internal;

import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.broadcast.NoticeNotFound;
import org.civicdesk.broadcast.Notices;
import org.civicdesk.identity.Callers;
import org.civicdesk.platform.Platform;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Notices for other systems and the public: any notice as a CAP 1.2 alert (a public one for
 * anyone, the others for staff only), and the public ones as an Atom feed.
 */
@RestController
@Tag(name = "Notices")
class PublicNoticeController {

    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml;charset=UTF-8");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final Notices notices;
    private final NoticeRepository repository;
    private final CapWriter cap;
    private final AtomWriter atom;
    private final Callers callers;
    private final Platform platform;
    private final BroadcastSettings settings;
    private final Clock clock;

    PublicNoticeController(Notices notices, NoticeRepository repository, CapWriter cap, AtomWriter atom, Callers callers,
            Platform platform, BroadcastSettings settings, Clock clock) {
        this.notices = notices;
        this.repository = repository;
        this.cap = cap;
        this.atom = atom;
        this.callers = callers;
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notices/{id}/cap")
    @Operation(summary = "A notice as an OASIS CAP 1.2 alert (public notices for anyone, others for staff)")
    Mono<ResponseEntity<String>> cap(@PathVariable long id) {
        return notices.find(id)
                .filterWhen(notice -> notice.isPublic() ? Mono.just(true)
                        : callers.current().map(caller -> caller.isStaff()).defaultIfEmpty(false))
                .switchIfEmpty(Mono.error(() -> new NoticeNotFound(id)))
                .map(notice -> ResponseEntity.ok().contentType(CAP).body(cap.write(notice)));
    }

    @GetMapping("/api/v1/notices/feed")
    @Operation(summary = "The public notices as an Atom feed, newest first")
    Mono<ResponseEntity<String>> feed(ServerWebExchange exchange) {
        String configured = platform.settings().publicBaseUrl();
        String base = configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "")
                : UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(null).replaceQuery(null).toUriString();
        return repository.recent(settings.feedSize(), null, true).collectList()
                .map(list -> ResponseEntity.ok().contentType(ATOM).body(atom.write(list, base, clock.instant())));
    }
}
