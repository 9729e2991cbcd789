package org.civicdesk.directory;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to CivicDesk to work: command group, registry or funeral staff, or a
 * member of one unit.
 *
 * @param id           its number
 * @param username     what they sign in with
 * @param displayName  how they are shown
 * @param passwordHash the adaptive hash of their password, never the password
 * @param roles        what they may do
 * @param unitId       the unit a unit member belongs to
 * @param enabled      whether they may sign in at all
 */
public record StaffAccount(long id, String username, String displayName, String passwordHash, Set<StaffRole> roles,
        @Nullable Long unitId, boolean enabled) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }
}
