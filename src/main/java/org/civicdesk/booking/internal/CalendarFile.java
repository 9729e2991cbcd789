package org.civicdesk.booking.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.civicdesk.booking.Booking;

/** A booking as an iCalendar file (RFC 5545) the citizen adds to their phone's calendar. */
final class CalendarFile {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    static String of(Booking booking, ZoneId zone, Instant now) {
        Instant start = booking.date().atTime(booking.slotStart()).atZone(zone).toInstant();
        Instant end = booking.date().atTime(booking.slotEnd()).atZone(zone).toInstant();
        String crlf = "\r\n";
        return "BEGIN:VCALENDAR" + crlf
                + "VERSION:2.0" + crlf
                + "PRODID:-//CivicDesk//民政通//ZH" + crlf
                + "CALSCALE:GREGORIAN" + crlf
                + "METHOD:PUBLISH" + crlf
                + "BEGIN:VEVENT" + crlf
                + "UID:" + booking.code() + "@civicdesk.org" + crlf
                + "DTSTAMP:" + UTC.format(now) + crlf
                + "DTSTART:" + UTC.format(start) + crlf
                + "DTEND:" + UTC.format(end) + crlf
                + "SUMMARY:" + escape(booking.serviceName() + "（预约号 " + BookingCodes.spoken(booking.code()) + "）") + crlf
                + "LOCATION:" + escape(booking.office()) + crlf
                + "DESCRIPTION:" + escape("请携带证件按时到达。预约号 " + booking.code()) + crlf
                + "STATUS:" + (booking.status() == org.civicdesk.booking.BookingStatus.CANCELLED ? "CANCELLED" : "CONFIRMED") + crlf
                + "BEGIN:VALARM" + crlf
                + "TRIGGER:-PT1H" + crlf
                + "ACTION:DISPLAY" + crlf
                + "DESCRIPTION:" + escape(booking.serviceName()) + crlf
                + "END:VALARM" + crlf
                + "END:VEVENT" + crlf
                + "END:VCALENDAR" + crlf;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }
}
