package org.civicdesk.quota;

import java.time.LocalDate;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** The day's own cap is reached, although single slots may still show seats. */
public final class DayFull extends DomainFailure {

    public DayFull(LocalDate date) {
        super(HttpStatus.CONFLICT, "day-full", "Day full",
                date + " 当日预约总量已达上限，请选择其他日期或加入候补。",
                "The day's limit for " + date + " is reached; choose another day or join the waitlist.");
        with("date", date.toString());
    }
}
