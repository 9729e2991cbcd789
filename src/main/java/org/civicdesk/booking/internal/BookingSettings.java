package org.civicdesk.booking.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The rules bookings follow.
 *
 * @param riskAreas            places whose recent visitors may not book while the policy says so
 * @param declarationBlocks    whether declaring travel to a risk area blocks a booking
 * @param hotline              the number people are told to call
 * @param holdTtl              how long a hold keeps its seat unconfirmed
 * @param waitlistOfferTtl     how long a seat offered to the next on a waitlist is held for them
 * @param cancelCutoff         how long before the slot a booking can still be cancelled or moved
 * @param reminderTime         from what time of day the day-before reminders go out
 * @param sweepInterval        how often expired holds, due reminders and waitlists are looked at
 * @param noShowWindow         how far back no-shows count (marriage registration only)
 * @param noShowGrades         no-shows within the window and the suspension each number brings:
 *                             {@code 2=30d,3=90d}
 * @param personalDataKey      Base64 key (at least 32 bytes) resident ID numbers are encrypted and
 *                             hashed with; derived from the token secret when not set
 * @param officeSyncInterval   how often the offices are looked up in the directory again
 * @param alternatives         how many other free slots a re-accommodated citizen is offered
 */
@ConfigurationProperties("civicdesk.booking")
record BookingSettings(
        @DefaultValue({"呼和浩特", "包头"}) List<String> riskAreas,
        @DefaultValue("true") boolean declarationBlocks,
        @DefaultValue("12345") String hotline,
        @DefaultValue("10m") Duration holdTtl,
        @DefaultValue("30m") Duration waitlistOfferTtl,
        @DefaultValue("2h") Duration cancelCutoff,
        @DefaultValue("09:00") LocalTime reminderTime,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("90d") Duration noShowWindow,
        @DefaultValue("2=30d,3=90d") String noShowGrades,
        @Nullable String personalDataKey,
        @DefaultValue("5m") Duration officeSyncInterval,
        @DefaultValue("2") int alternatives) {

    /** No-shows counted → suspension, in ascending order. */
    NavigableMap<Integer, Duration> grades() {
        NavigableMap<Integer, Duration> grades = new TreeMap<>();
        for (String grade : noShowGrades.split(",")) {
            if (grade.isBlank()) {
                continue;
            }
            String[] parts = grade.strip().split("=", 2);
            grades.put(Integer.parseInt(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
        }
        return grades;
    }
}
