package org.civicdesk.booking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a citizen adds when confirming a hold; anything left out keeps what the hold was made
 * with.
 *
 * @param parties     marriage registration: the two parties
 * @param applicant   funeral services: who books
 * @param deceased    funeral services: for whom
 * @param companions  how many people come along
 * @param declaration the health declaration
 */
public record HoldDetails(@Nullable List<Party> parties, @Nullable Applicant applicant, @Nullable Deceased deceased,
        @Nullable Integer companions, @Nullable Declaration declaration) {
}
