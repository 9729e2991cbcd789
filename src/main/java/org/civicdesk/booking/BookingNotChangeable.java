package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/**
 * The booking cannot be changed this way now: cancelled or rescheduled past the cutoff, already
 * ended, a hold expired, checked in on another day, or marked a no-show before its slot ended.
 */
public final class BookingNotChangeable extends DomainFailure {

    private BookingNotChangeable(String slug, String title, String zh, String en) {
        super(HttpStatus.CONFLICT, slug, title, zh, en);
    }

    public static BookingNotChangeable pastCutoff(long cutoffMinutes) {
        return (BookingNotChangeable) new BookingNotChangeable("change-cutoff-passed", "Too late to change",
                "距预约开始已不足 " + cutoffMinutes + " 分钟，不能再取消或改约。如有需要请致电办理机构。",
                "Less than " + cutoffMinutes + " minutes before the slot a booking can no longer be cancelled or moved.")
                .with("cutoffMinutes", cutoffMinutes);
    }

    public static BookingNotChangeable status(BookingStatus status) {
        return (BookingNotChangeable) new BookingNotChangeable("booking-not-active", "Booking not active",
                "该预约当前状态为 " + status + "，不能执行此操作。", "The booking is " + status + "; this cannot be done now.")
                .with("status", status.name());
    }

    public static BookingNotChangeable holdExpired() {
        return new BookingNotChangeable("hold-expired", "Hold expired",
                "号源保留时间已过，请重新预约。", "The seat was held for a few minutes only; book again.");
    }

    public static BookingNotChangeable notToday() {
        return new BookingNotChangeable("not-today", "Not today",
                "该预约不是今天的，不能签到。", "This booking is not for today and cannot be checked in.");
    }

    public static BookingNotChangeable slotNotOver() {
        return new BookingNotChangeable("slot-not-over", "Slot not over",
                "预约时段尚未结束，不能登记为未到。", "The slot has not ended yet; it cannot be marked a no-show.");
    }
}
