package org.civicdesk.quota.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.civicdesk.quota.CapacityReduced;
import org.civicdesk.quota.QuotaDay;

/**
 * Bookings a day holds beyond what it now offers: per slot still to come, what exceeds its
 * effective capacity (all of it when the day is closed or the service suspended), and what
 * exceeds the day's cap. Slots already begun are left alone.
 */
final class Excesses {

    private Excesses() {
    }

    static CapacityReduced of(QuotaDay day, Instant now, ZoneId zone, String reason) {
        boolean takes = day.open() && !day.suspended();
        List<CapacityReduced.Excess> slots = new ArrayList<>();
        int pastBooked = 0;
        for (QuotaDay.Slot slot : day.slots()) {
            if (!day.date().atTime(slot.start()).atZone(zone).toInstant().isAfter(now)) {
                pastBooked += slot.booked();
                continue;
            }
            int excess = takes ? Math.max(slot.booked() - slot.effective(), 0) : slot.booked();
            if (excess > 0) {
                slots.add(new CapacityReduced.Excess(slot.start(), excess));
            }
        }
        int dayExcess = !takes || day.dayCapEffective() == null ? 0
                : Math.max(day.booked() - Math.max(day.dayCapEffective(), pastBooked), 0);
        return new CapacityReduced(day.service(), day.date(), slots, dayExcess, reason);
    }

    static boolean any(CapacityReduced reduced) {
        return !reduced.slots().isEmpty() || reduced.dayExcess() > 0;
    }
}
