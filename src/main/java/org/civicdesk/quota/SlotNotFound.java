package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The day has no slot starting at this time. */
public final class SlotNotFound extends DomainFailure {

    public SlotNotFound(LocalDate date, LocalTime start) {
        super(HttpStatus.NOT_FOUND, "slot-not-found", "No such slot",
                date + " 没有 " + start + " 开始的时段。", "There is no slot starting at " + start + " on " + date + ".");
        with("date", date.toString());
        with("slotStart", start.toString());
    }
}
