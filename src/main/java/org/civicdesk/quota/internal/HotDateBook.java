package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.civicdesk.platform.InvalidInput;
import org.civicdesk.quota.HotDate;
import org.civicdesk.quota.HotTemplate;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServiceRules;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which dates are hot for a service (the built-in ones where the service uses them, and those
 * staff add) and the template and tranches hot dates are opened and released with; also the
 * service's ordinary booking window, which staff may change as the situation requires.
 */
@Component
public class HotDateBook {

    private final BuiltinHotDates builtin;
    private final RulesRepository rules;
    private final QuotaRepository quotas;
    private final QuotaCache cache;
    private final QuotaChanges changes;
    private final TransactionalOperator tx;

    HotDateBook(BuiltinHotDates builtin, RulesRepository rules, QuotaRepository quotas, QuotaCache cache,
            QuotaChanges changes, TransactionalOperator tx) {
        this.builtin = builtin;
        this.rules = rules;
        this.quotas = quotas;
        this.cache = cache;
        this.changes = changes;
        this.tx = tx;
    }

    public Flux<HotDate> list(ServiceCode service, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return cache.rules(service).flatMapMany(r -> Flux.concat(
                        r.builtinHotDates() ? Flux.fromIterable(builtin.of(year)) : Flux.<HotDate>empty(),
                        rules.addedHotDates(service, from, to)))
                .sort(java.util.Comparator.comparing(HotDate::date));
    }

    Mono<Boolean> isHot(ServiceCode service, LocalDate date) {
        return hotDays(service, date, date).map(days -> days.contains(date));
    }

    Mono<Set<LocalDate>> hotDays(ServiceCode service, LocalDate from, LocalDate to) {
        return cache.rules(service).flatMap(r -> {
            Set<LocalDate> days = new TreeSet<>();
            if (r.builtinHotDates()) {
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    builtin.of(year).stream().map(HotDate::date)
                            .filter(d -> !d.isBefore(from) && !d.isAfter(to)).forEach(days::add);
                }
            }
            return rules.addedHotDates(service, from, to).map(HotDate::date).collectList()
                    .map(added -> {
                        days.addAll(added);
                        return Set.copyOf(days);
                    });
        });
    }

    public Mono<HotDate> add(ServiceCode service, LocalDate date, String name) {
        return tx.transactional(rules.addHotDate(service, date, name.strip()).then(quotas.setHot(service, date, true)))
                .flatMap(changed -> changes.after(service, changed ? List.of(date) : List.of(), List.of()))
                .thenReturn(new HotDate(date, name.strip(), false));
    }

    public Mono<Void> remove(ServiceCode service, LocalDate date) {
        return cache.rules(service).flatMap(r -> {
            if (r.builtinHotDates() && builtin.on(date) != null) {
                return Mono.error(new InvalidInput("builtin-hot-date", "date", "内置热门日期不能删除。",
                        "Built-in hot dates cannot be removed."));
            }
            return tx.transactional(rules.removeHotDate(service, date)
                            .flatMap(removed -> removed ? quotas.setHot(service, date, false) : Mono.just(false)))
                    .flatMap(changed -> changes.after(service, changed ? List.of(date) : List.of(), List.of()));
        });
    }

    /** Changes a service's booking window, release time and hold-back for phone and counter. */
    public Mono<ServiceRules> updateRules(ServiceCode service, Duration minNotice, int maxDaysAhead, LocalTime releaseTime,
            double reserveShare, LocalTime reserveCutoff) {
        return tx.transactional(rules.update(service, minNotice, maxDaysAhead, releaseTime, reserveShare, reserveCutoff))
                .then(changes.after(service, List.of(), List.of()))
                .then(cache.rules(service));
    }

    public Mono<HotTemplate> template(ServiceCode service) {
        return Mono.zip(cache.rules(service), rules.hotTemplate(service).collectList())
                .map(all -> new HotTemplate(all.getT2(), all.getT1().hotDayCap(), all.getT1().hotTranches()));
    }

    public Mono<HotTemplate> setTemplate(ServiceCode service, HotTemplate template) {
        PlanRules.checkSlots(template.slots(), "slots");
        PlanRules.checkTranches(template.tranches());
        return tx.transactional(rules.replaceHotTemplate(service, template.slots(), template.dayCap(), template.tranches()))
                .then(changes.after(service, List.of(), List.of()))
                .then(template(service));
    }
}
