package org.civicdesk.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One day as a citizen sees it.
 *
 * @param date       the day
 * @param open       whether it takes bookings at all
 * @param reason     why not, when it does not
 * @param hot        whether it is a hot date (released in tranches)
 * @param bookable   whether it can be booked right now (released, within the window)
 * @param releasesAt when it (or its next tranche) is released, if still to come
 * @param releases   for a hot date: what share is released when
 * @param slots      its slots with the seats online bookings may still take
 */
public record AvailabilityDay(LocalDate date, boolean open, @Nullable String reason, @Nullable Boolean hot,
        boolean bookable, @Nullable Instant releasesAt, @Nullable List<Release> releases, List<Slot> slots) {

    public AvailabilityDay {
        releases = releases == null ? null : List.copyOf(releases);
        slots = List.copyOf(slots);
    }

    /**
     * @param start     when it starts
     * @param end       when it ends
     * @param capacity  seats it offers now
     * @param remaining seats online bookings may still take
     * @param inTime    whether it may still be booked now (false when it starts within the minimum
     *                  notice or is over), so that a screen can tell "too late" from "full"
     */
    public record Slot(LocalTime start, LocalTime end, int capacity, int remaining, boolean inTime) {
    }

    /**
     * @param at    when
     * @param share the share of the day's seats released by then (0–1)
     */
    public record Release(Instant at, double share) {
    }
}
