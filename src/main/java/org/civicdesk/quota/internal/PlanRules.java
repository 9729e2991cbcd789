package org.civicdesk.quota.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

import org.civicdesk.platform.InvalidInput;
import org.civicdesk.quota.DayPlan;
import org.civicdesk.quota.ServiceRules;

/** What a day plan, a template or a release plan must look like; anything else is a 400. */
final class PlanRules {

    static final int MAX_SLOTS = 96;
    static final int MAX_CAPACITY = 10_000;

    private PlanRules() {
    }

    static void check(DayPlan plan, LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            throw new InvalidInput("date-in-past", "date", "不能修改已过去日期的号源。", "Past days cannot be changed.");
        }
        if (!plan.closed()) {
            if (plan.slots().isEmpty()) {
                throw new InvalidInput("invalid-quota", "slots", "开放预约至少需要一个时段；如要停止预约请关闭该日。",
                        "Opening a day needs at least one slot; close it to stop bookings.");
            }
            checkSlots(plan.slots(), "slots");
        }
        if (plan.dayCap() != null && (plan.dayCap() < 0 || plan.dayCap() > MAX_CAPACITY)) {
            throw new InvalidInput("invalid-quota", "dayCap", "当日上限须在 0 到 " + MAX_CAPACITY + " 之间。",
                    "The day cap must be between 0 and " + MAX_CAPACITY + ".");
        }
    }

    static void checkSlots(List<DayPlan.SlotPlan> slots, String field) {
        if (slots.size() > MAX_SLOTS) {
            throw new InvalidInput("invalid-quota", field, "每天最多 " + MAX_SLOTS + " 个时段。", "At most " + MAX_SLOTS + " slots a day.");
        }
        List<DayPlan.SlotPlan> sorted = slots.stream().sorted(Comparator.comparing(DayPlan.SlotPlan::start)).toList();
        LocalTime previousEnd = LocalTime.MIN;
        for (int i = 0; i < sorted.size(); i++) {
            DayPlan.SlotPlan slot = sorted.get(i);
            String at = field + "[" + slots.indexOf(slot) + "]";
            if (!slot.end().isAfter(slot.start())) {
                throw new InvalidInput("invalid-quota", at + ".end", "时段结束时间须晚于开始时间。", "A slot must end after it starts.");
            }
            if (i > 0 && slot.start().isBefore(previousEnd)) {
                throw new InvalidInput("invalid-quota", at + ".start", "时段不能重叠。", "Slots must not overlap.");
            }
            if (slot.capacity() < 0 || slot.capacity() > MAX_CAPACITY) {
                throw new InvalidInput("invalid-quota", at + ".capacity", "号源数须在 0 到 " + MAX_CAPACITY + " 之间。",
                        "A capacity must be between 0 and " + MAX_CAPACITY + ".");
            }
            if (slot.reserved() != null && (slot.reserved() < 0 || slot.reserved() > slot.capacity())) {
                throw new InvalidInput("invalid-quota", at + ".reserved", "预留号源须在 0 到该时段号源数之间。",
                        "Held-back seats must be between 0 and the slot's capacity.");
            }
            previousEnd = slot.end();
        }
    }

    static void checkTranches(List<ServiceRules.Tranche> tranches) {
        if (tranches.isEmpty() || tranches.size() > 10) {
            throw new InvalidInput("invalid-tranches", "tranches", "放号批次须为 1 到 10 批。", "Give 1 to 10 tranches.");
        }
        double previous = 0;
        List<ServiceRules.Tranche> ordered = tranches.stream()
                .sorted(Comparator.comparing(ServiceRules.Tranche::daysAhead).reversed()
                        .thenComparing(ServiceRules.Tranche::time))
                .toList();
        for (ServiceRules.Tranche tranche : ordered) {
            if (tranche.daysAhead() < 0 || tranche.daysAhead() > 365 || tranche.share() <= previous || tranche.share() > 1) {
                throw new InvalidInput("invalid-tranches", "tranches",
                        "放号批次须按时间先后、累计比例递增，最后一批为 1（全部放出）。",
                        "Tranches must release a growing cumulative share over time, the last one 1 (everything).");
            }
            previous = tranche.share();
        }
        if (previous != 1.0) {
            throw new InvalidInput("invalid-tranches", "tranches", "最后一批须放出全部号源（比例为 1）。",
                    "The last tranche must release everything (share 1).");
        }
    }
}
