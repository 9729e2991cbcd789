package org.civicdesk.booking;

/**
 * One of the two people registering their marriage.
 *
 * @param name     their name
 * @param idNumber their 18-character resident identity number (GB 11643)
 */
public record Party(String name, String idNumber) {

    @Override
    public String toString() {
        return "Party[name=" + name + ", idNumber=(hidden)]";
    }
}
