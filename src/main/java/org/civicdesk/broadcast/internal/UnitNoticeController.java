package org.civicdesk.broadcast.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.civicdesk.broadcast.AckChannel;
import org.civicdesk.broadcast.Acknowledgement;
import org.civicdesk.broadcast.NotAUnitMember;
import org.civicdesk.broadcast.Notices;
import org.civicdesk.identity.Caller;
import org.civicdesk.identity.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A unit member reads its unit's notices and acknowledges them for the unit. */
@RestController
@RequestMapping("/api/v1/units/me/notices")
@Tag(name = "Notices")
@SecurityRequirement(name = "bearer")
class UnitNoticeController {

    private final Notices notices;
    private final NoticeViews views;
    private final Callers callers;

    UnitNoticeController(Notices notices, NoticeViews views, Callers callers) {
        this.notices = notices;
        this.views = views;
        this.callers = callers;
    }

    @GetMapping
    @PreAuthorize("hasRole('UNIT_MEMBER')")
    @Operation(summary = "The notices sent to my unit, newest first, with my unit's acknowledgement (unit members)")
    Flux<NoticeViews.ForUnit> list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return unit().flatMapMany(unitId -> views.forUnit(unitId, limit));
    }

    @PostMapping("/{id}/acknowledgement")
    @PreAuthorize("hasRole('UNIT_MEMBER')")
    @Operation(summary = "Acknowledge a notice for my unit (unit members)",
            description = "201 for the unit's first acknowledgement, 200 with that first one when the unit had already acknowledged.")
    Mono<ResponseEntity<Acknowledgement>> acknowledge(@PathVariable long id) {
        return callers.current()
                .filter(caller -> caller.unitId() != null)
                .switchIfEmpty(Mono.error(NotAUnitMember::new))
                .flatMap(caller -> notices.acknowledge(id, caller.unitId(), caller.subject(), AckChannel.HTTP))
                .map(ack -> ResponseEntity.status(ack.first() ? HttpStatus.CREATED : HttpStatus.OK).body(ack));
    }

    private Mono<Long> unit() {
        return callers.current().mapNotNull(Caller::unitId).switchIfEmpty(Mono.error(NotAUnitMember::new));
    }
}
