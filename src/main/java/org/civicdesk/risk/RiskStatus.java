package org.civicdesk.risk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A level in force: the district's, or one unit's own when it is stricter than the district's.
 *
 * @param unitId the unit, or {@code null} for the district
 * @param level  the level
 * @param since  when it took effect
 * @param reason why, as the command group wrote it
 */
public record RiskStatus(@Nullable Long unitId, RiskLevel level, Instant since, String reason) {
}
