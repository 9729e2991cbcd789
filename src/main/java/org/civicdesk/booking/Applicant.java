package org.civicdesk.booking;

/**
 * Who books a funeral service (a relative, usually).
 *
 * @param name  their name
 * @param phone the number the funeral home calls, in any common form
 */
public record Applicant(String name, String phone) {
}
