package org.civicdesk.quota;

import java.time.Instant;

import org.civicdesk.platform.DomainFailure;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * The slot cannot be booked now: it is in the past, too soon (minimum notice), or its day is not
 * released yet (then {@code releasesAt} says when it will be).
 */
public final class OutsideBookingWindow extends DomainFailure {

    private OutsideBookingWindow(String zh, String en) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "outside-booking-window", "Outside the booking window", zh, en);
    }

    /** The day is not released yet. */
    public static OutsideBookingWindow notYetReleased(Instant releasesAt, String releasesAtLocal) {
        OutsideBookingWindow failure = new OutsideBookingWindow("该日期尚未放号，将于 " + releasesAtLocal + " 开放预约。",
                "This day is not released yet; booking opens at " + releasesAtLocal + ".");
        failure.with("releasesAt", releasesAt.toString());
        return failure;
    }

    /** The slot starts too soon (or has passed). */
    public static OutsideBookingWindow tooLate(long minNoticeMinutes, @Nullable String detail) {
        OutsideBookingWindow failure = new OutsideBookingWindow(
                "该时段已过或距开始不足 " + minNoticeMinutes + " 分钟，无法预约。",
                "This slot has passed or starts in less than " + minNoticeMinutes + " minutes.");
        failure.with("minNoticeMinutes", minNoticeMinutes);
        if (detail != null) {
            failure.with("slot", detail);
        }
        return failure;
    }
}
