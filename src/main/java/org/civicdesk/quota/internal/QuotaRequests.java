package org.civicdesk.quota.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.civicdesk.platform.InvalidInput;
import org.civicdesk.quota.DayPlan;
import org.civicdesk.quota.HotTemplate;
import org.civicdesk.quota.ServiceRules;
import org.jspecify.annotations.Nullable;

/** The bodies staff send to the quota endpoints, validated before anything is read. */
final class QuotaRequests {

    private QuotaRequests() {
    }

    /** One slot: when, and how many seats at the normal risk level. */
    record SlotRequest(@NotNull LocalTime start, @NotNull LocalTime end, @NotNull @Min(0) @Max(10000) Integer capacity,
            @Min(0) @Nullable Integer reserved) {

        DayPlan.SlotPlan plan() {
            return new DayPlan.SlotPlan(start, end, capacity, reserved);
        }

        static List<DayPlan.SlotPlan> plans(@Nullable List<SlotRequest> slots) {
            return slots == null ? List.of() : slots.stream().map(SlotRequest::plan).toList();
        }
    }

    /** A day's plan; {@code closed: true} with a reason closes it. */
    record DayRequest(@Size(max = 96) @Nullable List<@Valid @NotNull SlotRequest> slots, @Min(0) @Nullable Integer dayCap,
            @Nullable Boolean closed, @Size(max = 200) @Nullable String reason, @Nullable Boolean reaccommodate) {

        DayPlan plan() {
            boolean closing = Boolean.TRUE.equals(closed);
            if (closing && (reason == null || reason.isBlank())) {
                throw new InvalidInput("reason-required", "reason", "关闭预约须注明原因。", "Closing a day needs a reason.");
            }
            return new DayPlan(closing ? List.of() : SlotRequest.plans(slots), dayCap, closing,
                    closing ? reason.strip() : null, Boolean.TRUE.equals(reaccommodate));
        }
    }

    /** A weekday pattern applied to every day of a range. */
    record TemplateRequest(@NotNull LocalDate from, @NotNull LocalDate to,
            @NotNull @Size(min = 1, max = 7) Map<DayOfWeek, @Size(max = 96) List<@Valid @NotNull SlotRequest>> pattern,
            @Min(0) @Nullable Integer dayCap, @Nullable Boolean reaccommodate) {

        Map<DayOfWeek, List<DayPlan.SlotPlan>> plans() {
            Map<DayOfWeek, List<DayPlan.SlotPlan>> out = new EnumMap<>(DayOfWeek.class);
            pattern.forEach((day, slots) -> out.put(day, SlotRequest.plans(slots)));
            return out;
        }
    }

    /** A service's booking window and hold-back. */
    record RulesRequest(@NotNull @Min(0) @Max(43200) Integer minNoticeMinutes, @NotNull @Min(0) @Max(365) Integer maxDaysAhead,
            @NotNull LocalTime releaseTime, @NotNull @DecimalMin("0") @DecimalMax("1") Double reserveShare,
            @NotNull LocalTime reserveCutoff) {
    }

    /** A staff-added hot date's name. */
    record HotDateRequest(@NotBlank @Size(max = 50) String name) {
    }

    /** One release of a hot date. */
    record TrancheRequest(@NotNull @Min(0) @Max(365) Integer daysAhead, @NotNull LocalTime time,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double share) {
    }

    /** The hot-date template. */
    record HotTemplateRequest(@NotNull @Size(min = 1, max = 96) List<@Valid @NotNull SlotRequest> slots,
            @Min(0) @Nullable Integer dayCap, @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull TrancheRequest> tranches) {

        HotTemplate template() {
            return new HotTemplate(SlotRequest.plans(slots), dayCap, tranches.stream()
                    .map(t -> new ServiceRules.Tranche(t.daysAhead(), t.time(), t.share())).toList());
        }
    }
}
