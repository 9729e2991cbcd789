package org.civicdesk.broadcast;

import java.util.List;

import org.civicdesk.directory.UnitType;

/**
 * Who a notice is for: every unit, the units of some types, or some units. Exactly one is given.
 *
 * @param all       every unit of the bureau
 * @param unitTypes the kinds of unit, such as every elderly-care home
 * @param unitIds   particular units
 */
public record Audience(boolean all, List<UnitType> unitTypes, List<Long> unitIds) {

    public Audience {
        unitTypes = List.copyOf(unitTypes);
        unitIds = List.copyOf(unitIds);
    }

    public static Audience everyone() {
        return new Audience(true, List.of(), List.of());
    }

    public static Audience units(List<Long> unitIds) {
        return new Audience(false, List.of(), unitIds);
    }

    public static Audience types(List<UnitType> unitTypes) {
        return new Audience(false, unitTypes, List.of());
    }
}
