package org.civicdesk.quota;

/**
 * What the risk level in force at a service's office allows, as quota applies it.
 *
 * @param service        the service
 * @param riskLevel      the level's name ({@code NORMAL}, {@code SPORADIC}, {@code HIGH})
 * @param capacityFactor the share of normal capacity the service keeps
 * @param maxCompanions  how many companions a citizen may bring
 * @param suspended      whether the service is not offered at all at this level
 */
public record ServicePolicy(ServiceCode service, String riskLevel, double capacityFactor, int maxCompanions,
        boolean suspended) {
}
