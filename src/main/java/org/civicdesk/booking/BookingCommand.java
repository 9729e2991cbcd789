package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/**
 * What a citizen asks to book.
 *
 * @param service     the service
 * @param date        the day
 * @param slotStart   the slot's start
 * @param parties     marriage registration: the two parties; funeral services: none
 * @param applicant   funeral services: who books (name, phone)
 * @param deceased    funeral services: for whom
 * @param companions  how many people come along besides the parties or the applicant
 * @param channel     how the request came in
 * @param declaration the health declaration, if one was made
 */
public record BookingCommand(ServiceCode service, LocalDate date, LocalTime slotStart, List<Party> parties,
        @Nullable Applicant applicant, @Nullable Deceased deceased, int companions, Channel channel,
        @Nullable Declaration declaration) {

    public BookingCommand {
        parties = List.copyOf(parties);
    }
}
