package org.civicdesk.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * A booking as its citizen (and staff) see it: ID numbers and phones masked.
 *
 * @param code        the reference: 8 digits, the last a check digit, easy to read aloud
 * @param status      where it stands
 * @param service     the service
 * @param serviceName its name
 * @param office      where to go
 * @param date        the day
 * @param slotStart   the slot's start
 * @param slotEnd     the slot's end
 * @param parties     marriage registration: the parties, ID numbers masked
 * @param applicant   funeral services: who booked, phone masked
 * @param deceased    funeral services: for whom, and whether special handling applies
 * @param companions  how many come along
 * @param channel     how it was booked
 * @param heldUntil   for a hold: when it lapses unless confirmed
 * @param qr          a signed payload for the QR code staff scan at check-in
 * @param createdAt   when it was made
 */
public record Booking(String code, BookingStatus status, ServiceCode service, String serviceName, String office,
        LocalDate date, LocalTime slotStart, LocalTime slotEnd, @Nullable List<PartyView> parties,
        @Nullable ApplicantView applicant, @Nullable Deceased deceased, int companions, Channel channel,
        @Nullable Instant heldUntil, String qr, Instant createdAt) {

    /**
     * @param name     the party's name
     * @param idNumber the ID number masked: {@code 110105********1234}
     */
    public record PartyView(String name, String idNumber) {
    }

    /**
     * @param name  the applicant's name
     * @param phone their phone masked
     */
    public record ApplicantView(String name, String phone) {
    }
}
