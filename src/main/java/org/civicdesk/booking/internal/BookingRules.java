package org.civicdesk.booking.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.civicdesk.booking.Applicant;
import org.civicdesk.booking.Deceased;
import org.civicdesk.booking.DeclarationBlocksBooking;
import org.civicdesk.booking.Declaration;
import org.civicdesk.booking.Party;
import org.civicdesk.booking.TooManyCompanions;
import org.civicdesk.booking.UnderMarriageAge;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.quota.ServicePolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules a booking's people must pass before the seat gate, all checked in memory: marriage
 * registration names two different parties with valid resident ID numbers, both of legal age on
 * the day; a funeral service an applicant with a phone and the deceased; companions within the
 * risk level's limit; no declared travel to a risk area while the policy blocks it.
 */
@Component
class BookingRules {

    private final BookingSettings settings;
    private final PersonalData personalData;
    private final Clock clock;

    BookingRules(BookingSettings settings, PersonalData personalData, Clock clock) {
        this.settings = settings;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** A booking's people once checked, with the keys that hold them to one active booking per service. */
    record Checked(List<ValidParty> parties, @Nullable Applicant applicant, @Nullable Deceased deceased, int companions,
            List<String> travel, List<String> personKeys) {

        /** Whether everything the service needs is named (a hold may leave the people for later). */
        boolean complete(ServiceCatalog.Kind kind) {
            return kind == ServiceCatalog.Kind.MARRIAGE ? parties.size() == 2 : applicant != null && deceased != null;
        }
    }

    /** A party with a valid ID number. */
    record ValidParty(String name, ResidentId id) {
    }

    /**
     * Checks what is given; with {@code complete} false (a hold) the people may still be missing.
     */
    Checked check(ServiceCatalog.Kind kind, ServicePolicy policy, LocalDate date, List<Party> parties,
            @Nullable Applicant applicant, @Nullable Deceased deceased, int companions,
            @Nullable Declaration declaration, boolean complete) {
        List<ValidParty> valid = new ArrayList<>();
        Applicant normalizedApplicant = null;
        Deceased named = null;
        List<String> keys = new ArrayList<>();
        if (kind == ServiceCatalog.Kind.MARRIAGE) {
            valid = parties(parties, date, complete);
            valid.forEach(party -> keys.add(personalData.hash("id:" + party.id().number())));
        }
        else {
            if (!parties.isEmpty()) {
                throw new InvalidInput("invalid-parties", "parties", "殡葬服务无需填写当事人身份证，请填写申请人和逝者信息。",
                        "Funeral services name an applicant and the deceased, not parties.");
            }
            if (complete && (applicant == null || deceased == null)) {
                throw new InvalidInput("invalid-parties", applicant == null ? "applicant" : "deceased",
                        "请填写申请人（姓名、电话）和逝者姓名。", "Name the applicant (with a phone) and the deceased.");
            }
            if (applicant != null) {
                normalizedApplicant = new Applicant(applicant.name().strip(), PhoneNumbers.normalize(applicant.phone(), "applicant.phone"));
            }
            if (deceased != null) {
                named = new Deceased(deceased.name().strip(), deceased.specialHandling());
            }
            if (normalizedApplicant != null && named != null) {
                keys.add(personalData.hash("funeral:" + normalizedApplicant.phone() + ":" + named.name().replace(" ", "")));
            }
        }
        if (companions > policy.maxCompanions()) {
            throw new TooManyCompanions(companions, policy.maxCompanions(), policy.riskLevel());
        }
        List<String> travel = declaration == null ? List.of()
                : declaration.recentTravel().stream().map(String::strip).filter(place -> !place.isEmpty()).toList();
        List<String> risky = settings.riskAreas().stream()
                .filter(area -> travel.stream().anyMatch(place -> matches(place, area)))
                .toList();
        if (!risky.isEmpty() && settings.declarationBlocks()) {
            throw new DeclarationBlocksBooking(risky, settings.hotline());
        }
        return new Checked(valid, normalizedApplicant, named, companions, travel, keys);
    }

    private List<ValidParty> parties(List<Party> parties, LocalDate date, boolean complete) {
        if ((complete && parties.size() != 2) || parties.size() > 2) {
            throw new InvalidInput("invalid-parties", "parties", "结婚登记须填写双方当事人的姓名和身份证号。",
                    "Marriage registration names both parties with their resident ID numbers.");
        }
        List<ValidParty> valid = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < parties.size(); i++) {
            String field = "parties[" + i + "].idNumber";
            ResidentId id = ResidentId.parse(parties.get(i).idNumber(), field, today);
            if (id.ageOn(date) < id.marriageAge()) {
                throw new UnderMarriageAge(field, id.marriageAge());
            }
            valid.add(new ValidParty(parties.get(i).name().strip(), id));
        }
        if (valid.size() == 2 && valid.get(0).id().number().equals(valid.get(1).id().number())) {
            throw new InvalidInput("invalid-parties", "parties[1].idNumber", "双方当事人的身份证号不能相同。",
                    "The two parties cannot have the same ID number.");
        }
        return valid;
    }

    /** A key for the no-show record of the citizen's phone, beside those of their ID numbers. */
    String phoneKey(String phone) {
        return personalData.hash("phone:" + phone);
    }

    private static boolean matches(String place, String area) {
        String p = place.toLowerCase(Locale.ROOT);
        String a = area.toLowerCase(Locale.ROOT).strip();
        return !a.isEmpty() && (p.contains(a) || a.contains(p));
    }

    /** A hash of everything a request asks for, to tell a retry from a different request. */
    static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
