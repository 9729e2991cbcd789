package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.DayPlan;
import org.civicdesk.quota.ServiceCode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * In the embedded default only: opens the coming weeks of every service from a demo weekday
 * template when no day has been opened yet, so that a newcomer can book at once. Marriage
 * registration on weekdays (hot dates with the hot template), the funeral home every day.
 */
@Component
@Order(110)
class DemoQuotas implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoQuotas.class);

    private final Platform platform;
    private final DayPlanner planner;
    private final QuotaRepository quotas;
    private final QuotaSettings settings;
    private final Clock clock;

    DemoQuotas(Platform platform, DayPlanner planner, QuotaRepository quotas, QuotaSettings settings, Clock clock) {
        this.platform = platform;
        this.planner = planner;
        this.quotas = quotas;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!platform.embedded()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusDays(settings.demoDays() - 1L);
        // Start-up only: the demo is ready when the service says it is.
        Boolean opened = quotas.daysFrom(today.minusYears(5), EnumSet.allOf(ServiceCode.class)).hasElements().block();
        if (Boolean.TRUE.equals(opened)) {
            return;
        }
        Flux.concat(
                        planner.applyTemplate(ServiceCode.MARRIAGE_REGISTRATION, today, last,
                                weekdays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), marriage()), 120, false),
                        planner.applyTemplate(ServiceCode.FAREWELL_CEREMONY, today, last,
                                weekdays(EnumSet.allOf(DayOfWeek.class), hourly(8, 12, 2)), null, false),
                        planner.applyTemplate(ServiceCode.CREMATION, today, last,
                                weekdays(EnumSet.allOf(DayOfWeek.class), hourly(7, 15, 4)), null, false),
                        planner.applyTemplate(ServiceCode.BODY_TRANSPORT, today, last,
                                weekdays(EnumSet.allOf(DayOfWeek.class), hourly(6, 20, 3)), null, false))
                .then()
                .block();
        log.info("Demo quotas opened for the next " + settings.demoDays() + " days");
    }

    private static List<DayPlan.SlotPlan> marriage() {
        List<DayPlan.SlotPlan> slots = new ArrayList<>();
        for (LocalTime t = LocalTime.of(9, 0); t.isBefore(LocalTime.of(11, 30)); t = t.plusMinutes(30)) {
            slots.add(new DayPlan.SlotPlan(t, t.plusMinutes(30), 8, null));
        }
        for (LocalTime t = LocalTime.of(13, 30); t.isBefore(LocalTime.of(16, 30)); t = t.plusMinutes(30)) {
            slots.add(new DayPlan.SlotPlan(t, t.plusMinutes(30), 8, null));
        }
        return slots;
    }

    private static List<DayPlan.SlotPlan> hourly(int fromHour, int toHour, int capacity) {
        List<DayPlan.SlotPlan> slots = new ArrayList<>();
        for (int hour = fromHour; hour < toHour; hour++) {
            slots.add(new DayPlan.SlotPlan(LocalTime.of(hour, 0), LocalTime.of(hour + 1, 0), capacity, null));
        }
        return slots;
    }

    private static Map<DayOfWeek, List<DayPlan.SlotPlan>> weekdays(Set<DayOfWeek> days, List<DayPlan.SlotPlan> slots) {
        Map<DayOfWeek, List<DayPlan.SlotPlan>> pattern = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> pattern.put(day, slots));
        return pattern;
    }
}
