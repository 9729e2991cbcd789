package org.civicdesk.quota;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The capacity and release plan hot dates use.
 *
 * @param slots    the slots a hot date gets
 * @param dayCap   its day cap, or null
 * @param tranches when what share is released
 */
public record HotTemplate(List<DayPlan.SlotPlan> slots, @Nullable Integer dayCap, List<ServiceRules.Tranche> tranches) {

    public HotTemplate {
        slots = List.copyOf(slots);
        tranches = List.copyOf(tranches);
    }
}
