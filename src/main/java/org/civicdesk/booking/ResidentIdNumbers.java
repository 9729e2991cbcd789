package org.civicdesk.booking;

import java.time.LocalDate;

import org.civicdesk.booking.internal.ResidentIdCheck;

/**
 * Checks a resident ID number the way a booking will (GB 11643 checksum, a real birth date, legal
 * marriage age on the day), so that a dialog can ask again at once instead of at the end.
 */
public final class ResidentIdNumbers {

    private ResidentIdNumbers() {
    }

    /**
     * @param raw   the number as typed (spaces, x or X allowed)
     * @param field the field named in the failure
     * @param on    the appointment day, for the marriage age
     * @return the number normalised (upper-case X)
     * @throws InvalidIdNumber  when it is not a valid number
     * @throws UnderMarriageAge when its holder is under the legal marriage age on that day
     */
    public static String checkForMarriage(String raw, String field, LocalDate on) {
        return ResidentIdCheck.checkForMarriage(raw, field, on);
    }
}
