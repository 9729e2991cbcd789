package org.civicdesk.booking;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid resident ID numbers (GB 11643 checksum), a new one every call, for tests. */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger COUNTER = new AtomicInteger(new java.util.Random().nextInt(400_000));

    private ResidentIds() {
    }

    /** A man born on that day. */
    public static String man(LocalDate born) {
        return of(born, true);
    }

    /** A woman born on that day. */
    public static String woman(LocalDate born) {
        return of(born, false);
    }

    public static String of(LocalDate born, boolean male) {
        int n = COUNTER.incrementAndGet();
        String region = Integer.toString(110000 + n % 800_000);
        int sequence = (n / 800_000 % 400) * 2 + (male ? 1 : 2);
        String body = region + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence % 1000);
        return body + check(body);
    }

    /** The check character of 17 digits. */
    public static char check(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
