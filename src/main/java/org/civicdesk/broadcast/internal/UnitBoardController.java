package org.civicdesk.broadcast.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.broadcast.NotAUnitMember;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.identity.Caller;
import org.civicdesk.identity.Callers;
import org.civicdesk.risk.Guideline;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevels;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What a unit's board shows beside its notices: the level the unit works at (its own when
 * stricter than the district's) and the guideline and checklist its kind of unit follows there,
 * so that a member on duty knows what to do without looking it up.
 */
@RestController
@Tag(name = "Notices")
@SecurityRequirement(name = "bearer")
class UnitBoardController {

    private final Callers callers;
    private final Units units;
    private final RiskLevels levels;

    UnitBoardController(Callers callers, Units units, RiskLevels levels) {
        this.callers = callers;
        this.units = units;
        this.levels = levels;
    }

    @GetMapping("/api/v1/units/me/board")
    @PreAuthorize("hasRole('UNIT_MEMBER')")
    @Operation(summary = "My unit, the risk level it works at and the guideline and checklist for its kind of unit (unit members)")
    Mono<Board> board() {
        return callers.current().mapNotNull(Caller::unitId).switchIfEmpty(Mono.error(NotAUnitMember::new))
                .flatMap(unitId -> Mono.zip(units.findById(unitId), levels.unitProfile(unitId), levels.district()))
                .map(all -> Board.of(all.getT1(), all.getT2(), all.getT3()));
    }

    /**
     * A unit's board header.
     *
     * @param unitId                     the unit
     * @param unitName                   its name
     * @param unitType                   its kind
     * @param level                      the level it works at
     * @param label                      that level's Chinese name
     * @param ownLevel                   whether that is the unit's own level, stricter than the district's
     * @param district                   the district's level, since when and why
     * @param guideline                  what its kind of unit follows at that level, if the profile names it
     * @param maxCompanions              companions a visitor may bring at that level
     * @param elderlyCareVisitsSuspended whether visits to elderly-care homes are suspended
     */
    record Board(long unitId, String unitName, UnitType unitType, RiskLevel level, String label, boolean ownLevel,
            RiskStatus district, @Nullable Guideline guideline, int maxCompanions, boolean elderlyCareVisitsSuspended) {

        static Board of(Unit unit, RiskProfile profile, RiskStatus district) {
            return new Board(unit.id(), unit.name(), unit.type(), profile.level(), profile.level().label(),
                    profile.level() != district.level(), district, profile.guidelineFor(unit.type()), profile.maxCompanions(),
                    profile.elderlyCareVisitsSuspended());
        }
    }
}
