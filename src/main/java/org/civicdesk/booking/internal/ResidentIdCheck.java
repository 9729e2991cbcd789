package org.civicdesk.booking.internal;

import java.time.LocalDate;

import org.civicdesk.booking.UnderMarriageAge;

/** Lets the booking API check an ID number without exposing {@link ResidentId}. */
public final class ResidentIdCheck {

    private ResidentIdCheck() {
    }

    public static String checkForMarriage(String raw, String field, LocalDate on) {
        ResidentId id = ResidentId.parse(raw, field, on);
        if (id.ageOn(on) < id.marriageAge()) {
            throw new UnderMarriageAge(field, id.marriageAge());
        }
        return id.number();
    }
}
