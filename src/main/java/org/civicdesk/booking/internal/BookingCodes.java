package org.civicdesk.booking.internal;

import java.security.SecureRandom;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Booking references people read aloud and type on a phone keypad: 8 digits, the last a Damm
 * check digit (it catches every single wrong digit and every swap of neighbours), shown as
 * {@code 4821 7730}. The QR payload staff scan is the code with a keyed signature.
 */
@Component
class BookingCodes {

    private static final SecureRandom random = new SecureRandom();
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};
    private static final String QR_PREFIX = "CD1.";

    private final PersonalData keys;

    BookingCodes(PersonalData keys) {
        this.keys = keys;
    }

    /** A new random code (the caller retries if it is taken). */
    String next() {
        String body = Integer.toString(1_000_000 + random.nextInt(9_000_000));
        return body + check(body);
    }

    /** Whether a code is well formed; spaces and dashes as people type them are ignored. */
    static @Nullable String normalize(String typed) {
        String digits = typed.replace(" ", "").replace("-", "");
        return digits.matches("\\d{8}") && check(digits) == 0 ? digits : null;
    }

    /** {@code 4821 7730}, for messages and screens. */
    static String spoken(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }

    String qr(String code) {
        return QR_PREFIX + code + "." + keys.sign("qr", code);
    }

    /** The code a QR payload carries, or null when the payload is not one of ours. */
    @Nullable String fromQr(String payload) {
        if (!payload.startsWith(QR_PREFIX)) {
            return null;
        }
        String[] parts = payload.substring(QR_PREFIX.length()).split("\\.", 2);
        if (parts.length != 2 || normalize(parts[0]) == null) {
            return null;
        }
        boolean valid = MessageDigest.isEqual(keys.sign("qr", parts[0]).getBytes(StandardCharsets.US_ASCII),
                parts[1].getBytes(StandardCharsets.US_ASCII));
        return valid ? parts[0] : null;
    }

    private static int check(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }
}
