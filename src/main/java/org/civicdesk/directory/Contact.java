package org.civicdesk.directory;

/**
 * A unit's duty contact, reached by SMS when a notice is urgent or not acknowledged in time.
 *
 * @param name  who it is, such as 值班室 or a person's name
 * @param phone the number in E.164
 */
public record Contact(String name, String phone) {
}
