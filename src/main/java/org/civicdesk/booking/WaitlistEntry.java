package org.civicdesk.booking;

import java.time.Instant;
import java.time.LocalDate;

import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * A citizen waiting for a seat on a full day.
 *
 * @param id           its number
 * @param service      the service
 * @param date         the day
 * @param status       {@code WAITING}, {@code OFFERED} (a seat is held for them), {@code BOOKED},
 *                     {@code EXPIRED} or {@code CANCELLED}
 * @param position     their place in the queue while waiting
 * @param offeredCode  the held booking offered to them
 * @param offeredUntil when that offer lapses
 */
public record WaitlistEntry(long id, ServiceCode service, LocalDate date, String status, @Nullable Integer position,
        @Nullable String offeredCode, @Nullable Instant offeredUntil) {
}
