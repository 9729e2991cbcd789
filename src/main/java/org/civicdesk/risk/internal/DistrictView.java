package org.civicdesk.risk.internal;

import java.time.Instant;

import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskProfile;
import org.civicdesk.risk.RiskStatus;

/**
 * The district's level as the public sees it, over HTTP and on {@code /topic/risk-level}.
 *
 * @param level   the level
 * @param label   its Chinese name
 * @param since   when it took effect
 * @param reason  why
 * @param profile what it applies
 */
record DistrictView(RiskLevel level, String label, Instant since, String reason, RiskProfile profile) {

    static DistrictView of(RiskPolicy.Snapshot snapshot) {
        RiskStatus district = snapshot.district();
        return new DistrictView(district.level(), district.level().label(), district.since(), district.reason(),
                snapshot.profile(district.level()));
    }
}
