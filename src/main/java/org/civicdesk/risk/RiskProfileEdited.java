package org.civicdesk.risk;

import java.time.Instant;

/**
 * The command group edited the profile of a level (capacity factors, companions, guidelines…).
 * If that level is in force, what it allows changed without the level changing.
 *
 * @param profile the profile now
 * @param at      when
 */
public record RiskProfileEdited(RiskProfile profile, Instant at) {
}
