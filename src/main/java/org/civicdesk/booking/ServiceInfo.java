package org.civicdesk.booking;

import java.time.LocalTime;

import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * A bookable service as the public sees it.
 *
 * @param code            its code
 * @param name            its Chinese name
 * @param nameEn          its English name
 * @param office          where it is given, and its directory unit once known
 * @param slotMinutes     the usual slot length
 * @param parties         who must be named when booking
 * @param limits          the limits in force now
 */
public record ServiceInfo(ServiceCode code, String name, String nameEn, Office office, int slotMinutes, PartyRules parties,
        Limits limits) {

    /**
     * @param name   the office's name
     * @param unitId its unit in the directory, when there is one
     */
    public record Office(String name, @Nullable Long unitId) {
    }

    /**
     * @param kind              {@code MARRIAGE} (two parties with resident ID numbers, of legal
     *                          age) or {@code FUNERAL} (applicant with phone, the deceased)
     * @param count             how many parties are named
     * @param minAgeMen         legal marriage age for men, when it applies
     * @param minAgeWomen       legal marriage age for women, when it applies
     */
    public record PartyRules(String kind, int count, @Nullable Integer minAgeMen, @Nullable Integer minAgeWomen) {
    }

    /**
     * @param riskLevel        the risk level in force at the office
     * @param capacityFactor   the share of normal capacity it keeps
     * @param suspended        whether the level suspends the service
     * @param maxCompanions    companions allowed
     * @param minNoticeMinutes the least notice a booking needs
     * @param maxDaysAhead     how far ahead days are released
     * @param releaseTime      when a day is released
     * @param cancelCutoffMinutes how long before the slot a booking can still be cancelled or moved
     */
    public record Limits(String riskLevel, double capacityFactor, boolean suspended, int maxCompanions,
            long minNoticeMinutes, int maxDaysAhead, LocalTime releaseTime, long cancelCutoffMinutes) {
    }
}
