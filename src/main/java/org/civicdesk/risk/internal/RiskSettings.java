package org.civicdesk.risk.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How risk levels are served.
 *
 * @param cacheTtl how long an instance answers from its in-memory copy of the levels and
 *                 profiles before reading them again, should a change message from another
 *                 instance have been lost (Redis away)
 */
@ConfigurationProperties("civicdesk.risk")
record RiskSettings(@DefaultValue("30s") Duration cacheTtl) {
}
