package org.civicdesk.booking;

import java.time.Instant;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Online booking is suspended for a person after repeated no-shows. */
public final class BookingSuspended extends DomainFailure {

    public BookingSuspended(Instant until, String untilLocal, String hotline) {
        super(HttpStatus.FORBIDDEN, "booking-suspended", "Online booking suspended",
                "因多次预约未到，网上预约已暂停至 " + untilLocal + "。如有特殊情况请致电 " + hotline + "。",
                "After repeated no-shows online booking is suspended until " + untilLocal + ". Call " + hotline + " if needed.");
        with("until", until.toString());
        with("hotline", hotline);
    }
}
