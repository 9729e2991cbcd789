package org.civicdesk.channel.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day as people say it in a text or on a keypad: {@code 0520} (MMDD), {@code 20260520},
 * {@code 5月20日}, {@code 5-20}, {@code 2026-05-20}, {@code 明天}, {@code 后天}. A day without a year
 * is the next one to come.
 */
final class DateInput {

    private static final Pattern MONTH_DAY = Pattern.compile("^(?:(\\d{4})\\s*[年/.-]\\s*)?(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*[日号]?$");

    private DateInput() {
    }

    static Optional<LocalDate> parse(String raw, LocalDate today) {
        String text = raw.strip().replace(" ", "").replace('＃', '#').replace("#", "");
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "今天", "today" -> {
                return Optional.of(today);
            }
            case "明天", "tomorrow" -> {
                return Optional.of(today.plusDays(1));
            }
            case "后天" -> {
                return Optional.of(today.plusDays(2));
            }
            default -> {
                // fall through to the numeric forms
            }
        }
        try {
            if (text.matches("\\d{4}")) {
                return Optional.of(nextOccurrence(Integer.parseInt(text.substring(0, 2)), Integer.parseInt(text.substring(2)), today));
            }
            if (text.matches("\\d{8}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                        Integer.parseInt(text.substring(6))));
            }
            Matcher matcher = MONTH_DAY.matcher(text);
            if (matcher.matches()) {
                int month = Integer.parseInt(matcher.group(2));
                int day = Integer.parseInt(matcher.group(3));
                return Optional.of(matcher.group(1) != null ? LocalDate.of(Integer.parseInt(matcher.group(1)), month, day)
                        : nextOccurrence(month, day, today));
            }
        }
        catch (DateTimeException | NumberFormatException ex) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static LocalDate nextOccurrence(int month, int day, LocalDate today) {
        LocalDate date = LocalDate.of(today.getYear(), month, day);
        return date.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : date;
    }
}
