package org.civicdesk.quota;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * When and how a service can be booked.
 *
 * @param service          the service
 * @param officeUnitId     the directory unit of its office, once known (its risk level applies)
 * @param slotMinutes      the usual slot length
 * @param minNotice        the least time between booking and the slot's start
 * @param maxDaysAhead     how many days ahead a day is released
 * @param releaseTime      the time of day at which that day is released
 * @param reserveShare     the share of each slot held back for phone and counter bookings
 * @param reserveCutoff    the time, the day before, at which held-back seats return to everyone
 * @param builtinHotDates  whether 2/14, 5/20, 5/21, Qixi, 9/9 and 10/10 are hot for this service
 * @param hotTranches      how a hot date is released: cumulative shares at announced times
 * @param hotDayCap        the day cap hot dates get from the hot template
 */
public record ServiceRules(ServiceCode service, @Nullable Long officeUnitId, int slotMinutes, Duration minNotice,
        int maxDaysAhead, LocalTime releaseTime, double reserveShare, LocalTime reserveCutoff, boolean builtinHotDates,
        List<Tranche> hotTranches, @Nullable Integer hotDayCap) {

    public ServiceRules {
        hotTranches = List.copyOf(hotTranches);
    }

    /**
     * One release of a hot date.
     *
     * @param daysAhead how many days before the date
     * @param time      at what time of that day
     * @param share     the share of the day's capacity released by then (cumulative, 0–1)
     */
    public record Tranche(int daysAhead, LocalTime time, double share) {
    }
}
