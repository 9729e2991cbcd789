package org.civicdesk.quota.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;
import org.civicdesk.quota.HotDate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The dates couples crowd the registry on, every year: Valentine's day, 5/20 and 5/21 ("我爱你"),
 * Qixi (the 7th day of the 7th lunar month, from {@code cn.6tail:lunar}), 9/9 ("久久") and 10/10
 * ("十全十美"). The lunar tables are read once at start-up, not on an event loop.
 */
@Component
class BuiltinHotDates implements SmartInitializingSingleton {

    private static final Map<MonthDay, String> FIXED = Map.of(
            MonthDay.of(2, 14), "情人节",
            MonthDay.of(5, 20), "520",
            MonthDay.of(5, 21), "521",
            MonthDay.of(9, 9), "九月九",
            MonthDay.of(10, 10), "十月十");

    private final Map<Integer, List<HotDate>> byYear = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    BuiltinHotDates(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int year = LocalDate.now(clock).getYear();
        for (int y = year - 1; y <= year + 2; y++) {
            of(y);
        }
    }

    /** The built-in hot dates of a year, in date order. */
    List<HotDate> of(int year) {
        return byYear.computeIfAbsent(year, BuiltinHotDates::compute);
    }

    /** The built-in hot date on this day, or null. */
    @org.jspecify.annotations.Nullable HotDate on(LocalDate date) {
        return of(date.getYear()).stream().filter(hot -> hot.date().equals(date)).findFirst().orElse(null);
    }

    private static List<HotDate> compute(int year) {
        List<HotDate> dates = new ArrayList<>();
        FIXED.forEach((day, name) -> dates.add(new HotDate(day.atYear(year), name, true)));
        Solar qixi = Lunar.fromYmd(year, 7, 7).getSolar();
        dates.add(new HotDate(LocalDate.of(qixi.getYear(), qixi.getMonth(), qixi.getDay()), "七夕", true));
        dates.sort(java.util.Comparator.comparing(HotDate::date));
        return List.copyOf(dates);
    }
}
