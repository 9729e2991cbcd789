package org.civicdesk.booking;

/**
 * The person a funeral service is for.
 *
 * @param name            their name
 * @param specialHandling whether they died of an infectious disease, so the funeral home
 *                        prepares protective handling
 */
public record Deceased(String name, boolean specialHandling) {
}
