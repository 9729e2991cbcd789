package org.civicdesk.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.civicdesk.booking.BookingStatus;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * A booking as PostgreSQL holds it: parties with their ID numbers encrypted, keyed hashes beside.
 *
 * @param id              its row
 * @param code            its reference
 * @param service         the service
 * @param day             the day
 * @param start           the slot's start
 * @param end             the slot's end
 * @param status          where it stands
 * @param channel         how it was booked
 * @param ownerPhone      the verified phone of the citizen it belongs to
 * @param idempotencyKey  the key its request carried
 * @param requestHash     the fingerprint of that request
 * @param companions      companions
 * @param applicantName   funeral: who booked
 * @param applicantPhone  funeral: their phone (E.164)
 * @param deceasedName    funeral: for whom
 * @param specialHandling funeral: infectious disease
 * @param travel          declared recent travel
 * @param heldUntil       a hold's deadline
 * @param changes         how many times it was moved
 * @param createdAt       when it was made
 * @param parties         marriage: the parties
 */
record BookingRow(long id, String code, ServiceCode service, LocalDate day, LocalTime start, LocalTime end,
        BookingStatus status, Channel channel, String ownerPhone, @Nullable String idempotencyKey,
        @Nullable String requestHash, int companions, @Nullable String applicantName, @Nullable String applicantPhone,
        @Nullable String deceasedName, @Nullable Boolean specialHandling, List<String> travel,
        @Nullable Instant heldUntil, int changes, Instant createdAt, List<PartyRow> parties) {

    BookingRow {
        travel = List.copyOf(travel);
        parties = List.copyOf(parties);
    }

    BookingRow withParties(List<PartyRow> parties) {
        return new BookingRow(id, code, service, day, start, end, status, channel, ownerPhone, idempotencyKey, requestHash,
                companions, applicantName, applicantPhone, deceasedName, specialHandling, travel, heldUntil, changes,
                createdAt, parties);
    }

    /**
     * A party as stored.
     *
     * @param name     the name
     * @param idCipher the ID number, encrypted
     * @param idHash   its keyed hash
     * @param idMasked the ID number masked
     */
    record PartyRow(String name, String idCipher, String idHash, String idMasked) {
    }
}
