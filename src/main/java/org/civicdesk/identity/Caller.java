package org.civicdesk.identity;

import java.util.Set;

import org.civicdesk.directory.StaffRole;
import org.jspecify.annotations.Nullable;

/**
 * Who made a request, as their token says.
 *
 * @param kind     staff or citizen
 * @param subject  the staff username, or the citizen's phone in E.164
 * @param roles    a staff account's roles (empty for citizens)
 * @param unitId   the unit a unit member belongs to
 * @param phone    a citizen's verified phone
 */
public record Caller(Kind kind, String subject, Set<StaffRole> roles, @Nullable Long unitId, @Nullable String phone) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Staff sign in with a password; citizens with a phone they proved. */
    public enum Kind {
        STAFF, CITIZEN
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    public boolean isCitizen() {
        return kind == Kind.CITIZEN;
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
