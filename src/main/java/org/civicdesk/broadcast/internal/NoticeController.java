package org.civicdesk.broadcast.internal;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.civicdesk.broadcast.Audience;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeDraft;
import org.civicdesk.broadcast.Notices;
import org.civicdesk.broadcast.Severity;
import org.civicdesk.directory.UnitType;
import org.civicdesk.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The command group issues notices; staff follow who has acknowledged them. */
@RestController
@RequestMapping("/api/v1/staff/notices")
@Tag(name = "Notices", description = "Notices to the bureau's units, their delivery and acknowledgements")
@SecurityRequirement(name = "bearer")
class NoticeController {

    static final int DEFAULT_ACK_MINUTES = 60;

    private final Notices notices;
    private final NoticeViews views;

    NoticeController(Notices notices, NoticeViews views) {
        this.notices = notices;
        this.views = views;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Issue a notice to all units, some unit types or some units (command group)",
            description = "Writes the notice and one delivery per unit at once; members connected get it over STOMP, "
                    + "and for URGENT every duty contact gets an SMS. With requiresAck, units that have not acknowledged "
                    + "by the deadline (default 60 minutes) are chased by SMS.")
    Mono<ResponseEntity<Notice>> issue(@Valid @RequestBody NoticeRequest request, Principal principal) {
        return Mono.fromCallable(request::draft)
                .flatMap(draft -> notices.issue(draft, principal.getName()))
                .map(notice -> ResponseEntity.created(URI.create("/api/v1/staff/notices/" + notice.id())).body(notice));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @Operation(summary = "The newest notices with their acknowledgement counts (staff)")
    Flux<NoticeViews.Summary> list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable Long before) {
        return views.recent(limit, before);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @Operation(summary = "One notice with its acknowledgement counts (staff)")
    Mono<NoticeViews.Summary> get(@PathVariable long id) {
        return views.one(id);
    }

    @GetMapping("/{id}/acknowledgements")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @Operation(summary = "Each unit's delivery, acknowledgement and escalation for a notice (staff)")
    Mono<NoticeViews.Report> acknowledgements(@PathVariable long id) {
        return views.report(id);
    }

    /** A notice as the command group writes it. */
    record NoticeRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            @NotNull Severity severity,
            @NotNull @Valid AudienceRequest audience,
            @Nullable Boolean requiresAck,
            @Min(1) @Max(10080) @Nullable Integer ackDeadlineMinutes,
            @JsonProperty("public") @Nullable Boolean isPublic) {

        NoticeDraft draft() {
            boolean ack = Boolean.TRUE.equals(requiresAck);
            if (!ack && ackDeadlineMinutes != null) {
                throw new InvalidInput("deadline-without-acknowledgement", "ackDeadlineMinutes",
                        "不要求签收的通知不能设置签收时限。", "A deadline needs requiresAck: true.");
            }
            return NoticeDraft.general(title.strip(), body, severity, audience.toAudience(), ack,
                    ack ? (ackDeadlineMinutes == null ? DEFAULT_ACK_MINUTES : ackDeadlineMinutes) : null,
                    Boolean.TRUE.equals(isPublic));
        }
    }

    /** Exactly one of: {@code {all: true}}, {@code {unitTypes: [...]}}, {@code {unitIds: [...]}}. */
    record AudienceRequest(@Nullable Boolean all, @Size(max = 5) @Nullable List<@NotNull UnitType> unitTypes,
            @Size(max = 1000) @Nullable List<@NotNull @Positive Long> unitIds) {

        Audience toAudience() {
            boolean everyone = Boolean.TRUE.equals(all);
            boolean types = unitTypes != null && !unitTypes.isEmpty();
            boolean ids = unitIds != null && !unitIds.isEmpty();
            if ((everyone ? 1 : 0) + (types ? 1 : 0) + (ids ? 1 : 0) != 1) {
                throw new InvalidInput("invalid-audience", "audience", "请选择一种通知对象：全部单位、单位类型或指定单位。",
                        "Give exactly one of all: true, unitTypes or unitIds.");
            }
            return everyone ? Audience.everyone() : types ? Audience.types(unitTypes) : Audience.units(unitIds);
        }
    }
}
