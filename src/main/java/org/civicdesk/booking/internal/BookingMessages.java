package org.civicdesk.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.civicdesk.platform.Platform;
import org.civicdesk.quota.FreeSlot;
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsPurpose;
import org.civicdesk.sms.SmsRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The SMS a booking's citizen gets: confirmed, changed, cancelled, reminded, moved when capacity
 * fell, offered a seat from the waitlist, told of a suspension. Each goes through the outbox with
 * an idempotency key ({@code booking:{code}:confirmed}, …), inside the transaction that made the
 * change, so it is sent once, exactly when the change is made.
 */
@Component
class BookingMessages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Sms sms;
    private final ServiceCatalog catalog;
    private final BookingSettings settings;
    private final Platform platform;

    BookingMessages(Sms sms, ServiceCatalog catalog, BookingSettings settings, Platform platform) {
        this.sms = sms;
        this.catalog = catalog;
        this.settings = settings;
        this.platform = platform;
    }

    Mono<Void> confirmed(BookingRow b) {
        return send(b, "confirmed", SmsPurpose.BOOKING, (name, office) -> "【民政通】预约成功：" + name + "，" + when(b.day(), b.start(), b.end())
                + "，" + office + "。预约号 " + BookingCodes.spoken(b.code()) + "。请按时携带证件到达；如需取消或改约，请在预约开始前 "
                + settings.cancelCutoff().toMinutes() + " 分钟办理。");
    }

    Mono<Void> rescheduled(BookingRow b, LocalDate day, LocalTime start, LocalTime end, int changes) {
        return send(b, "changed:" + changes, SmsPurpose.BOOKING, (name, office) -> "【民政通】您的" + name + "预约已改至 "
                + when(day, start, end) + "，" + office + "。预约号 " + BookingCodes.spoken(b.code()) + "。");
    }

    Mono<Void> cancelled(BookingRow b) {
        return send(b, "cancelled", SmsPurpose.BOOKING, (name, office) -> "【民政通】您的" + name + "预约（" + when(b.day(), b.start(), b.end())
                + "，预约号 " + BookingCodes.spoken(b.code()) + "）已取消。");
    }

    Mono<Void> reminder(BookingRow b) {
        return send(b, "reminder", SmsPurpose.REMINDER, (name, office) -> "【民政通】提醒：您明天 " + b.start().format(TIME) + " 在"
                + office + "办理" + name + "，预约号 " + BookingCodes.spoken(b.code()) + "。请佩戴口罩，提前到达。");
    }

    Mono<Void> moved(BookingRow b, FreeSlot to, List<FreeSlot> alternatives, String reason, int changes) {
        String others = alternatives.isEmpty() ? "" : "其他空闲时段：" + alternatives.stream()
                .map(slot -> slot.date().atTime(slot.start()).format(MOMENT)).collect(Collectors.joining("、")) + "；";
        return send(b, "moved:" + changes, SmsPurpose.BOOKING, (name, office) -> "【民政通】因" + reason + "，您原定 "
                + when(b.day(), b.start(), b.end()) + " 的" + name + "预约已调整为 " + when(to.date(), to.start(), to.end())
                + "，预约号 " + BookingCodes.spoken(b.code()) + "。如不合适，可登录民政通改约或取消（" + others + "咨询电话 "
                + settings.hotline() + "）。");
    }

    Mono<Void> displaced(BookingRow b, String reason) {
        return send(b, "displaced", SmsPurpose.BOOKING, (name, office) -> "【民政通】因" + reason + "，您原定 "
                + when(b.day(), b.start(), b.end()) + " 的" + name + "预约（预约号 " + BookingCodes.spoken(b.code())
                + "）已无可安排的号源，只能取消，敬请谅解。请重新预约或致电 " + settings.hotline() + "。");
    }

    Mono<Void> offered(BookingRow b, long entryId) {
        Instant until = java.util.Objects.requireNonNull(b.heldUntil(), "an offer is a hold");
        return send(b, "offer:" + entryId, SmsPurpose.WAITLIST, (name, office) -> "【民政通】候补到号：" + name + " "
                + when(b.day(), b.start(), b.end()) + " 有空位，已为您保留至 "
                + LocalDateTime.ofInstant(until, platform.zone()).format(MOMENT) + "。请登录民政通确认（预约号 "
                + BookingCodes.spoken(b.code()) + "），逾时将顺延给下一位。");
    }

    Mono<Void> suspended(String phone, String code, int noShows, Instant until) {
        return sms.send(SmsRequest.of(phone, "【民政通】您在 " + settings.noShowWindow().toDays() + " 天内已有 " + noShows
                        + " 次预约未到，网上预约暂停至 " + LocalDateTime.ofInstant(until, platform.zone()).format(MOMENT)
                        + "。如有特殊情况请致电 " + settings.hotline() + "。", SmsPurpose.BOOKING, "booking:" + code + ":suspended"))
                .then();
    }

    private Mono<Void> send(BookingRow b, String what, SmsPurpose purpose, Text text) {
        return catalog.get(b.service())
                .flatMap(definition -> sms.send(SmsRequest.of(b.ownerPhone(),
                        text.write(definition.name(), catalog.office(definition).name()), purpose,
                        "booking:" + b.code() + ":" + what)))
                .then();
    }

    private static String when(LocalDate day, LocalTime start, LocalTime end) {
        return day.format(DATE) + " " + start.format(TIME) + "-" + end.format(TIME);
    }

    /** A message given the service's and the office's names. */
    private interface Text {
        String write(String serviceName, String officeName);
    }
}
