package org.civicdesk.risk;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The district's level, or one unit's, changed.
 *
 * @param unitId   the unit, or {@code null} for the district
 * @param previous the level before
 * @param level    the level now
 * @param reason   why, as the command group wrote it
 * @param at       when
 */
public record RiskLevelChanged(@Nullable Long unitId, RiskLevel previous, RiskLevel level, String reason, Instant at) {
}
