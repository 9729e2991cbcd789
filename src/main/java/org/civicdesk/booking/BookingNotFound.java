package org.civicdesk.booking;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** No booking has this reference, or not one of the caller's. */
public final class BookingNotFound extends DomainFailure {

    public BookingNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "booking-not-found", "Booking not found",
                "没有找到预约号为 " + code + " 的预约。", "There is no booking " + code + " of yours.");
    }
}
