package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServicePolicy;
import org.civicdesk.quota.ServiceRules;
import org.civicdesk.risk.RiskLevels;
import org.civicdesk.risk.RiskProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the seat gate needs to know before it goes to Redis, kept in memory so that a full slot
 * is answered without touching PostgreSQL: each service's rules, the risk policy at its office,
 * and each day's slots and capacities. A change on any instance bumps a version in Redis that
 * every instance reads each second; a short time-to-live covers the moments Redis is away.
 */
@Component
public class QuotaCache {

    private final RulesRepository rulesRepository;
    private final QuotaRepository quotas;
    private final RiskLevels risk;
    private final QuotaSettings settings;
    private volatile Entry<Map<ServiceCode, ServiceRules>> rules;
    private final Map<ServiceCode, Entry<ServicePolicy>> policies = new ConcurrentHashMap<>();
    private final Map<DayKey, Entry<QuotaDay>> days = new ConcurrentHashMap<>();
    private volatile @Nullable String version;

    QuotaCache(RulesRepository rulesRepository, QuotaRepository quotas, RiskLevels risk, QuotaSettings settings) {
        this.rulesRepository = rulesRepository;
        this.quotas = quotas;
        this.risk = risk;
        this.settings = settings;
        this.rules = load(this::loadRules);
    }

    public Mono<ServiceRules> rules(ServiceCode service) {
        return allRules().map(all -> Objects.requireNonNull(all.get(service), service::name));
    }

    public Mono<Map<ServiceCode, ServiceRules>> allRules() {
        Entry<Map<ServiceCode, ServiceRules>> current = rules;
        if (current.stale(settings.cacheTtl())) {
            current = load(this::loadRules);
            rules = current;
        }
        return current.value();
    }

    public Mono<ServicePolicy> policy(ServiceCode service) {
        return fresh(policies, service, () -> rules(service).flatMap(r -> profile(r.officeUnitId()))
                .map(profile -> policyOf(service, profile)));
    }

    /** The day's plan; a day nobody opened comes back closed with no slots. */
    Mono<QuotaDay> day(ServiceCode service, LocalDate date) {
        return fresh(days, new DayKey(service, date), () -> quotas.day(service, date)
                .defaultIfEmpty(new QuotaDay(service, date, false, null, false, false, 1.0, null, null, 0, List.of())));
    }

    /** The profile at an office (or the district's when the office is not known yet). */
    Mono<RiskProfile> profile(@Nullable Long officeUnitId) {
        return officeUnitId == null ? risk.districtProfile() : risk.unitProfile(officeUnitId);
    }

    static ServicePolicy policyOf(ServiceCode service, RiskProfile profile) {
        return new ServicePolicy(service, profile.level().name(), profile.capacityFactor(service.name()),
                profile.maxCompanions(), profile.suspends(service.name()));
    }

    /** Forgets everything on this instance. */
    void invalidate() {
        rules = load(this::loadRules);
        policies.clear();
        days.clear();
    }

    /** Forgets everything when another instance announced a change since the last look. */
    void observe(String seen) {
        String previous = version;
        version = seen;
        if (previous != null && !previous.equals(seen)) {
            invalidate();
        }
    }

    private Mono<Map<ServiceCode, ServiceRules>> loadRules() {
        return rulesRepository.all().collectMap(ServiceRules::service, r -> r, () -> new EnumMap<>(ServiceCode.class))
                .map(Map::copyOf);
    }

    private <K, V> Mono<V> fresh(Map<K, Entry<V>> map, K key, Supplier<Mono<V>> loader) {
        Entry<V> entry = map.get(key);
        if (entry == null || entry.stale(settings.cacheTtl())) {
            Entry<V> loaded = load(loader);
            map.put(key, loaded);
            entry = loaded;
        }
        Entry<V> used = entry;
        return used.value().doOnError(ex -> map.remove(key, used));
    }

    private static <V> Entry<V> load(Supplier<Mono<V>> loader) {
        return new Entry<>(Mono.defer(loader).cache(value -> Duration.ofDays(365), ex -> Duration.ZERO, () -> Duration.ZERO),
                System.nanoTime());
    }

    private record Entry<V>(Mono<V> value, long loadedAt) {

        boolean stale(Duration ttl) {
            return System.nanoTime() - loadedAt > ttl.toNanos();
        }
    }

    private record DayKey(ServiceCode service, LocalDate date) {
    }
}
