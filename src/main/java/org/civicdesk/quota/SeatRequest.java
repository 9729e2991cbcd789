package org.civicdesk.quota;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request to take one seat through the gate.
 *
 * @param code             the reference the seat is taken under (the booking's code)
 * @param service          the service
 * @param date             the day
 * @param slotStart        the slot's start
 * @param channel          how the request came in (phone and counter may use held-back seats)
 * @param personKeys       keyed hashes of the people it is for: each may hold one active seat per
 *                         service; empty for a hold whose people are named later
 * @param idempotencyScope who asked and their idempotency key ({@code phone:key}), or null
 * @param fingerprint      a hash of the whole request, to tell a retry from a different request
 *                         under the same key
 */
public record SeatRequest(String code, ServiceCode service, LocalDate date, LocalTime slotStart, Channel channel,
        List<String> personKeys, @Nullable String idempotencyScope, String fingerprint) {

    public SeatRequest {
        personKeys = List.copyOf(personKeys);
    }
}
