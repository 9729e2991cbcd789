package org.civicdesk.risk.internal;

import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;

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
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The district's level for everyone (the booking page shows it), the units' own levels and the
 * full history for staff, and the command group's switch.
 */
@RestController
@Tag(name = "Risk levels", description = "The district's and units' epidemic risk levels and what they apply")
class RiskController {

    private final RiskPolicy policy;
    private final RiskRepository repository;
    private final RiskChanges changes;

    RiskController(RiskPolicy policy, RiskRepository repository, RiskChanges changes) {
        this.policy = policy;
        this.repository = repository;
        this.changes = changes;
    }

    @GetMapping("/api/v1/risk-level")
    @Operation(summary = "The district's level, since when, why, and the profile in force (public)")
    Mono<DistrictView> current() {
        return policy.snapshot().map(DistrictView::of);
    }

    @GetMapping("/api/v1/risk-level/history")
    @Operation(summary = "The district's level changes, newest first (public)")
    Flux<RiskLevelChanged> history(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return repository.history(false, limit);
    }

    @GetMapping("/api/v1/staff/risk-level/history")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Every level change, the units' too, newest first (staff)")
    Flux<RiskLevelChanged> fullHistory(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return repository.history(true, limit);
    }

    @GetMapping("/api/v1/staff/risk-level/units")
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The units whose own level is set, with it (staff)")
    Flux<RiskStatus> units() {
        return policy.snapshot().flatMapIterable(s -> s.units().values().stream()
                .sorted(Comparator.comparing(RiskStatus::unitId, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }

    @PutMapping("/api/v1/staff/risk-level")
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the district's level, or a unit's (only stricter than the district's) (command group)",
            description = "Applies the level's profile at once and publishes RiskLevelChanged: quotas scale and every "
                    + "affected unit gets a RISK_LEVEL notice with its guideline. A unit level that is not stricter "
                    + "than the district's makes the unit follow the district again.")
    Mono<LevelSet> set(@Valid @RequestBody SetLevel request, Principal principal) {
        return changes.setLevel(request.level(), request.unitId(), request.reason().strip(), principal.getName())
                .map(outcome -> new LevelSet(outcome.change().unitId(), outcome.change().previous(), outcome.change().level(),
                        outcome.ownLevel(), outcome.change().unitId() != null && outcome.ownLevel() == null,
                        outcome.change().reason(), outcome.change().at()));
    }

    /** A level to set. */
    record SetLevel(@NotNull RiskLevel level, @Positive @Nullable Long unitId, @NotBlank @Size(max = 500) String reason) {
    }

    /**
     * What was set.
     *
     * @param unitId          the unit, or none for the district
     * @param previous        the level before (the unit's effective level for a unit)
     * @param level           the level now (likewise)
     * @param ownLevel        the unit's own level, when it is stricter than the district's
     * @param followsDistrict whether the unit now simply works at the district's level
     * @param reason          why
     * @param at              when
     */
    record LevelSet(@Nullable Long unitId, RiskLevel previous, RiskLevel level, @Nullable RiskLevel ownLevel,
            boolean followsDistrict, String reason, Instant at) {
    }
}
