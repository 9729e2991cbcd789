package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.platform.DomainFailure;
import org.springframework.http.HttpStatus;

/** Every seat of the slot that this channel may use is taken. */
public final class SlotFull extends DomainFailure {

    public SlotFull(LocalDate date, LocalTime start) {
        super(HttpStatus.CONFLICT, "slot-full", "Slot full",
                date + " " + start + " 的号源已约满，请选择其他时段或加入候补。",
                "The slot at " + start + " on " + date + " is fully booked; choose another or join the waitlist.");
        with("date", date.toString());
        with("slotStart", start.toString());
    }
}
