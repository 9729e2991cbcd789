package org.civicdesk.risk.internal;

import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.civicdesk.directory.UnitType;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskProfile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The policy profile of each level, which the command group adjusts as guidance changes. */
@RestController
@RequestMapping("/api/v1/staff/risk-profiles")
@Tag(name = "Risk levels")
@SecurityRequirement(name = "bearer")
class RiskProfileController {

    private final RiskPolicy policy;
    private final RiskChanges changes;

    RiskProfileController(RiskPolicy policy, RiskChanges changes) {
        this.policy = policy;
        this.changes = changes;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
    @Operation(summary = "The profile of every level (staff)")
    Flux<RiskProfile> list() {
        return policy.snapshot().flatMapIterable(s -> List.of(s.profile(RiskLevel.NORMAL), s.profile(RiskLevel.SPORADIC),
                s.profile(RiskLevel.HIGH)));
    }

    @PutMapping("/{level}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the profile of a level (command group); applies at once if it is in force")
    Mono<RiskProfile> edit(@PathVariable RiskLevel level, @Valid @RequestBody ProfileRequest request, Principal principal) {
        return changes.editProfile(request.toProfile(level), principal.getName());
    }

    /** A profile as the command group writes it; service codes are upper-case, such as {@code CREMATION}. */
    record ProfileRequest(
            @NotNull Map<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String,
                    @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double> capacityFactors,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double defaultCapacityFactor,
            @NotNull @Min(0) @Max(20) Integer maxCompanions,
            @NotNull Boolean appointmentOnly,
            @NotNull @Size(max = 20) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> suspendedServices,
            @NotNull Boolean elderlyCareVisitsSuspended,
            @NotNull Map<@NotNull UnitType, @NotNull @Valid GuidelineRequest> guidelines) {

        RiskProfile toProfile(RiskLevel level) {
            Map<UnitType, Guideline> byType = new EnumMap<>(UnitType.class);
            guidelines.forEach((type, g) -> byType.put(type, new Guideline(g.title().strip(), g.procedures())));
            return new RiskProfile(level, capacityFactors, defaultCapacityFactor, maxCompanions, appointmentOnly,
                    suspendedServices, elderlyCareVisitsSuspended, byType);
        }
    }

    /** A guideline: its title and checklist. */
    record GuidelineRequest(@NotBlank @Size(max = 200) String title,
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 300) String> procedures) {
    }
}
