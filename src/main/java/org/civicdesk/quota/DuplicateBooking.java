package org.civicdesk.quota;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** One of the people named already has an active booking for this service (at any office). */
public final class DuplicateBooking extends DomainFailure {

    public DuplicateBooking() {
        super(HttpStatus.CONFLICT, "duplicate-booking", "Duplicate booking",
                "该身份证号（或申请人）已有一个有效的同类预约，请先取消或改约原预约。",
                "Someone named here already has an active booking for this service; cancel or reschedule it first.");
    }
}
