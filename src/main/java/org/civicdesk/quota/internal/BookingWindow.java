package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.OutsideBookingWindow;
import org.civicdesk.quota.ServiceRules;
import org.jspecify.annotations.Nullable;

/**
 * When a day can be booked: an ordinary day is released whole at the service's release time,
 * {@code maxDaysAhead} days before; a hot date in tranches at announced times; no slot closer
 * than the minimum notice. Seats held back for phone and counter return to everyone at the
 * cutoff the day before.
 */
final class BookingWindow {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ServiceRules rules;
    private final ZoneId zone;

    BookingWindow(ServiceRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    /** The share of the day's seats released at {@code now}, in permille. */
    int share(LocalDate date, boolean hot, Instant now) {
        if (!hot) {
            return now.isBefore(releaseAt(date)) ? 0 : Seating.ALL;
        }
        double share = 0;
        for (ServiceRules.Tranche tranche : rules.hotTranches()) {
            if (!now.isBefore(trancheAt(date, tranche))) {
                share = Math.max(share, tranche.share());
            }
        }
        return (int) Math.round(Math.min(share, 1) * Seating.ALL);
    }

    /** When an ordinary day is released. */
    Instant releaseAt(LocalDate date) {
        return date.minusDays(rules.maxDaysAhead()).atTime(rules.releaseTime()).atZone(zone).toInstant();
    }

    /** The next release still to come for this day, or null when all of it is out. */
    @Nullable Instant nextRelease(LocalDate date, boolean hot, Instant now) {
        if (!hot) {
            Instant at = releaseAt(date);
            return now.isBefore(at) ? at : null;
        }
        return rules.hotTranches().stream()
                .map(tranche -> trancheAt(date, tranche))
                .filter(now::isBefore)
                .min(Instant::compareTo)
                .orElse(null);
    }

    /** A hot date's releases, for the citizen to see. */
    List<AvailabilityDay.Release> releases(LocalDate date) {
        return rules.hotTranches().stream()
                .map(tranche -> new AvailabilityDay.Release(trancheAt(date, tranche), tranche.share()))
                .sorted(java.util.Comparator.comparing(AvailabilityDay.Release::at))
                .toList();
    }

    /** Whether seats are still held back for phone and counter. */
    boolean reserveActive(LocalDate date, Instant now) {
        return now.isBefore(date.minusDays(1).atTime(rules.reserveCutoff()).atZone(zone).toInstant());
    }

    /** Whether a slot starting then can still be booked at {@code now} (minimum notice). */
    boolean inTime(LocalDate date, LocalTime start, Instant now) {
        return !Duration.between(now, date.atTime(start).atZone(zone).toInstant()).minus(rules.minNotice()).isNegative();
    }

    /**
     * Refuses a slot that is too soon, or on a day not released yet.
     *
     * @return the released share in permille
     */
    int check(LocalDate date, LocalTime start, boolean hot, Instant now) {
        if (!inTime(date, start, now)) {
            throw OutsideBookingWindow.tooLate(rules.minNotice().toMinutes(), date + " " + start);
        }
        int share = share(date, hot, now);
        Instant next = nextRelease(date, hot, now);
        if (share == 0 && next != null) {
            throw OutsideBookingWindow.notYetReleased(next, LOCAL.format(LocalDateTime.ofInstant(next, zone)));
        }
        return share;
    }

    private Instant trancheAt(LocalDate date, ServiceRules.Tranche tranche) {
        return date.minusDays(tranche.daysAhead()).atTime(tranche.time()).atZone(zone).toInstant();
    }
}
