package org.civicdesk.quota;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What switching to a risk level would change, shown to the command group before it switches.
 *
 * @param level    the level previewed
 * @param unitId   the unit whose level would change, or null for the district
 * @param services the services affected
 */
public record RiskPreview(String level, @Nullable Long unitId, List<ServiceChange> services) {

    public RiskPreview {
        services = List.copyOf(services);
    }

    /**
     * @param service           the service
     * @param suspendedAfter    whether the level suspends it
     * @param factorBefore      its capacity share now
     * @param factorAfter       its capacity share at the level
     * @param companionsBefore  companions allowed now
     * @param companionsAfter   companions allowed at the level
     * @param days              the open days from today on
     */
    public record ServiceChange(ServiceCode service, boolean suspendedAfter, double factorBefore, double factorAfter,
            int companionsBefore, int companionsAfter, List<DayChange> days) {

        public ServiceChange {
            days = List.copyOf(days);
        }
    }

    /**
     * @param date              the day
     * @param capacityBefore    seats it offers now
     * @param capacityAfter     seats it would offer
     * @param booked            seats taken
     * @param toReaccommodate   bookings that would have to move
     */
    public record DayChange(LocalDate date, int capacityBefore, int capacityAfter, int booked, int toReaccommodate) {
    }
}
