package org.civicdesk.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civicdesk.booking.Applicant;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.Deceased;
import org.civicdesk.booking.Declaration;
import org.civicdesk.booking.HoldDetails;
import org.civicdesk.booking.IdempotencyProblem;
import org.civicdesk.booking.Party;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;

/** The bodies citizens and staff send to the booking endpoints, validated before anything is read. */
final class BookingRequests {

    private BookingRequests() {
    }

    record PartyRequest(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String idNumber) {

        @Override
        public String toString() {
            return "PartyRequest[name=" + name + ", idNumber=(hidden)]";
        }
    }

    record ApplicantRequest(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 30) String phone) {
    }

    record DeceasedRequest(@NotBlank @Size(max = 50) String name, @Nullable Boolean specialHandling) {
    }

    record DeclarationRequest(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 50) String> recentTravel) {
    }

    /** A booking or a hold: marriage registration names two parties, funeral services an applicant and the deceased. */
    record BookingRequest(@NotNull ServiceCode service, @NotNull LocalDate date, @NotNull LocalTime slotStart,
            @Size(max = 2) @Nullable List<@Valid @NotNull PartyRequest> parties, @Valid @Nullable ApplicantRequest applicant,
            @Valid @Nullable DeceasedRequest deceased, @Min(0) @Max(20) @Nullable Integer companions,
            @Nullable Channel channel, @Valid @Nullable DeclarationRequest declaration) {

        BookingCommand command(Channel defaultChannel) {
            return new BookingCommand(service, date, slotStart, toParties(parties), toApplicant(applicant), toDeceased(deceased),
                    companions == null ? 0 : companions, channel == null ? defaultChannel : channel, toDeclaration(declaration));
        }
    }

    /** What confirming a hold adds. */
    record ConfirmRequest(@Size(max = 2) @Nullable List<@Valid @NotNull PartyRequest> parties,
            @Valid @Nullable ApplicantRequest applicant, @Valid @Nullable DeceasedRequest deceased,
            @Min(0) @Max(20) @Nullable Integer companions, @Valid @Nullable DeclarationRequest declaration) {

        HoldDetails details() {
            return new HoldDetails(parties == null ? null : toParties(parties), toApplicant(applicant), toDeceased(deceased),
                    companions, toDeclaration(declaration));
        }
    }

    record RescheduleRequest(@NotNull LocalDate date, @NotNull LocalTime slotStart) {
    }

    record CheckInRequest(@Size(max = 200) @Nullable String code, @Size(max = 200) @Nullable String qr) {

        String value() {
            String value = qr != null && !qr.isBlank() ? qr : code;
            if (value == null || value.isBlank()) {
                throw new InvalidInput("code-required", "code", "请填写预约号或扫描二维码。", "Give the reference code or the QR payload.");
            }
            return value;
        }
    }

    record WaitlistRequest(@NotNull ServiceCode service, @NotNull LocalDate date) {
    }

    /** Staff booking at the counter or for a caller on the phone, for that citizen's phone. */
    record StaffBookingRequest(@NotBlank @Size(max = 30) String phone, @NotNull @Valid BookingRequest booking) {
    }

    /** Checks the header a client must send with each new booking: 1–100 of {@code A-Z a-z 0-9 . _ : -}. */
    static String idempotencyKey(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw IdempotencyProblem.missing();
        }
        String key = header.strip();
        if (!key.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw new InvalidInput("invalid-idempotency-key", "Idempotency-Key",
                    "Idempotency-Key 须为 1 到 100 个字母、数字或 . _ : -。",
                    "The Idempotency-Key must be 1 to 100 letters, digits or . _ : -");
        }
        return key;
    }

    /** A citizen's own booking or hold: on the web unless it says WECHAT, no other channel. */
    static BookingCommand online(BookingRequest request) {
        BookingCommand command = request.command(Channel.WEB);
        onlineOnly(command);
        return command;
    }

    /** Citizens book for themselves online; held-back seats are for the phone line and the counter. */
    private static void onlineOnly(BookingCommand command) {
        if (command.channel() != Channel.WEB && command.channel() != Channel.WECHAT) {
            throw new InvalidInput("channel-not-allowed", "channel", "网上预约的渠道只能是 WEB 或 WECHAT。",
                    "Citizens booking online use the channel WEB or WECHAT.");
        }
    }

    static void staffChannel(BookingCommand command) {
        if (command.channel() != Channel.COUNTER && command.channel() != Channel.PHONE) {
            throw new InvalidInput("channel-not-allowed", "booking.channel", "工作人员代为预约的渠道为 COUNTER 或 PHONE。",
                    "Staff book for citizens through the channel COUNTER or PHONE.");
        }
    }

    private static List<Party> toParties(@Nullable List<PartyRequest> parties) {
        return parties == null ? List.of() : parties.stream().map(p -> new Party(p.name(), p.idNumber())).toList();
    }

    private static @Nullable Applicant toApplicant(@Nullable ApplicantRequest applicant) {
        return applicant == null ? null : new Applicant(applicant.name(), applicant.phone());
    }

    private static @Nullable Deceased toDeceased(@Nullable DeceasedRequest deceased) {
        return deceased == null ? null : new Deceased(deceased.name(), Boolean.TRUE.equals(deceased.specialHandling()));
    }

    private static @Nullable Declaration toDeclaration(@Nullable DeclarationRequest declaration) {
        return declaration == null ? null : new Declaration(declaration.recentTravel());
    }
}
