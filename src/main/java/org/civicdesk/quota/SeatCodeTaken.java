package org.civicdesk.quota;

/**
 * Another seat already has this reference (the codes are short, so two can collide): the caller
 * draws a new code and tries again.
 */
public final class SeatCodeTaken extends RuntimeException {

    public SeatCodeTaken(String code) {
        super("A seat already has the code " + code, null, false, false);
    }
}
