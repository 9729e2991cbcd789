package org.civicdesk.directory;

import java.util.List;

/**
 * One of the bureau's units.
 *
 * @param id       its number
 * @param name     its name, unique in the directory
 * @param type     what kind of unit it is
 * @param contacts its duty contacts, first the one to try first
 */
public record Unit(long id, String name, UnitType type, List<Contact> contacts) {

    public Unit {
        contacts = List.copyOf(contacts);
    }
}
