package org.civicdesk.booking;

import java.util.List;

/**
 * A health declaration made with a booking.
 *
 * @param recentTravel places the party travelled to in the last 14 days
 */
public record Declaration(List<String> recentTravel) {

    public Declaration {
        recentTravel = List.copyOf(recentTravel);
    }
}
