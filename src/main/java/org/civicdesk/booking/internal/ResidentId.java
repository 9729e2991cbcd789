package org.civicdesk.booking.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import org.civicdesk.booking.InvalidIdNumber;

/**
 * A resident identity number (GB 11643-1999): 6-digit region, birth date, 3-digit sequence (odd
 * for men, even for women) and a check character over the first 17 digits.
 *
 * @param number    the 18 characters, check character upper-case
 * @param birthDate the birth date it carries
 * @param male      whether the sequence says a man
 */
record ResidentId(String number, LocalDate birthDate, boolean male) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Reads a number as typed (spaces allowed, x or X); {@link InvalidIdNumber} names the field. */
    static ResidentId parse(String raw, String field, LocalDate today) {
        String number = raw.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        if (!number.matches("\\d{17}[\\dX]")) {
            throw new InvalidIdNumber(field, "应为 18 位，前 17 位为数字，最后一位为数字或 X", "it must be 17 digits and a digit or X");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK.charAt(sum % 11) != number.charAt(17)) {
            throw new InvalidIdNumber(field, "校验码不符", "its check character does not match");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        }
        catch (DateTimeException ex) {
            throw new InvalidIdNumber(field, "出生日期不存在", "its birth date does not exist");
        }
        if (birth.getYear() < 1900 || birth.isAfter(today)) {
            throw new InvalidIdNumber(field, "出生日期不合理", "its birth date is not plausible");
        }
        return new ResidentId(number, birth, (number.charAt(16) - '0') % 2 == 1);
    }

    int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** The legal marriage age for this person (PRC Civil Code art. 1047). */
    int marriageAge() {
        return male ? 22 : 20;
    }

    /** {@code 110105********1234}. */
    String masked() {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    @Override
    public String toString() {
        return "ResidentId[" + masked() + "]";
    }
}
