package org.civicdesk.risk;

import java.util.Map;
import java.util.Set;

import org.civicdesk.directory.UnitType;
import org.jspecify.annotations.Nullable;

/**
 * The policy a risk level applies.
 *
 * @param level                      the level
 * @param capacityFactors            share of normal capacity each service keeps, by service code
 *                                   ({@code MARRIAGE_REGISTRATION}, {@code FAREWELL_CEREMONY}, …);
 *                                   a service not listed keeps {@link #defaultCapacityFactor}
 * @param defaultCapacityFactor      share of capacity for services not listed
 * @param maxCompanions              companions a citizen may bring to an appointment
 * @param appointmentOnly            whether walk-ins are refused
 * @param suspendedServices          service codes not offered at all at this level
 * @param elderlyCareVisitsSuspended whether visits to elderly-care homes are suspended (except
 *                                   for critical illness or death)
 * @param guidelines                 the guideline each kind of unit follows at this level
 */
public record RiskProfile(RiskLevel level, Map<String, Double> capacityFactors, double defaultCapacityFactor,
        int maxCompanions, boolean appointmentOnly, Set<String> suspendedServices, boolean elderlyCareVisitsSuspended,
        Map<UnitType, Guideline> guidelines) {

    public RiskProfile {
        capacityFactors = Map.copyOf(capacityFactors);
        suspendedServices = Set.copyOf(suspendedServices);
        guidelines = Map.copyOf(guidelines);
    }

    /** The share of normal capacity a service keeps at this level (0 when it is suspended). */
    public double capacityFactor(String service) {
        if (suspendedServices.contains(service)) {
            return 0;
        }
        return capacityFactors.getOrDefault(service, defaultCapacityFactor);
    }

    public boolean suspends(String service) {
        return suspendedServices.contains(service);
    }

    public @Nullable Guideline guidelineFor(UnitType type) {
        return guidelines.get(type);
    }
}
