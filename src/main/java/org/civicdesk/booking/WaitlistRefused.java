package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** A waitlist cannot be joined (the day still has seats, or the citizen already waits) or the entry is unknown. */
public final class WaitlistRefused extends DomainFailure {

    private WaitlistRefused(HttpStatus status, String slug, String title, String zh, String en) {
        super(status, slug, title, zh, en);
    }

    public static WaitlistRefused seatsAvailable() {
        return new WaitlistRefused(HttpStatus.CONFLICT, "seats-available", "Seats available",
                "该日仍有空余号源，请直接预约。", "The day still has seats; book one directly.");
    }

    public static WaitlistRefused notBookable() {
        return new WaitlistRefused(HttpStatus.CONFLICT, "day-not-bookable", "Day not bookable",
                "该日当前不可预约（未放号或已过），不能加入候补。", "The day cannot be booked now (not released, or past).");
    }

    public static WaitlistRefused alreadyWaiting() {
        return new WaitlistRefused(HttpStatus.CONFLICT, "already-waitlisted", "Already waitlisted",
                "您已在该日的候补名单中。", "You are already on this day's waitlist.");
    }

    public static WaitlistRefused notFound(long id) {
        return new WaitlistRefused(HttpStatus.NOT_FOUND, "waitlist-entry-not-found", "Not found",
                "没有找到编号为 " + id + " 的候补。", "There is no waitlist entry " + id + " of yours.");
    }
}
