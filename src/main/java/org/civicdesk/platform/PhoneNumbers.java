package org.civicdesk.platform;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as CivicDesk keeps them: parsed with libphonenumber (China by default) and
 * written in E.164, so that one person has one number whichever way they typed it.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param raw   what the person typed: {@code 138 0013 8000}, {@code +86-138…}, {@code 0477 1234567}
     * @param field the request field it came from, for the error
     * @return the number in E.164, such as {@code +8613800138000}
     * @throws InvalidInput when it is not a valid number
     */
    public static String normalize(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInput("invalid-phone", field, "请填写电话号码。", "A phone number is required.");
        }
        try {
            PhoneNumber number = util.parse(raw.strip(), "CN");
            if (!util.isValidNumber(number)) {
                throw invalid(field, raw);
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        catch (NumberParseException ex) {
            throw invalid(field, raw);
        }
    }

    /** Whether the number can receive SMS (a mobile, or a number whose kind is not known). */
    public static boolean isMobile(String e164) {
        try {
            PhoneNumberUtil.PhoneNumberType type = util.getNumberType(util.parse(e164, "CN"));
            return type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.UNKNOWN;
        }
        catch (NumberParseException ex) {
            return false;
        }
    }

    /** Reads every region's metadata now, at start-up, rather than on an event loop later. */
    public static void warmUp() {
        for (String region : util.getSupportedRegions()) {
            util.getExampleNumber(region);
        }
        for (int code : util.getSupportedGlobalNetworkCallingCodes()) {
            util.getExampleNumberForNonGeoEntity(code);
        }
    }

    /** For logs and screens: {@code +86138****8000}. */
    public static String mask(@Nullable String e164) {
        if (e164 == null || e164.length() < 8) {
            return "****";
        }
        return e164.substring(0, e164.length() - 8) + "****" + e164.substring(e164.length() - 4);
    }

    private static InvalidInput invalid(String field, String raw) {
        return new InvalidInput("invalid-phone", field, "电话号码无效，请检查后重新填写。",
                "This is not a valid phone number.");
    }
}
