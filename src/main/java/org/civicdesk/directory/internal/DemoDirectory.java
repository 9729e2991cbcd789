package org.civicdesk.directory.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.directory.Contact;
import org.civicdesk.directory.StaffAccounts;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.platform.Platform;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seeds, in the embedded default only, the units the bureau's notice addresses (东胜区民政局) and
 * a demo account for each kind of user, so a newcomer can sign in at once. Runs at every start:
 * units only into an empty directory, accounts only where missing, and the demo password is
 * brought in line with {@code CIVICDESK_DEMO_PASSWORD}.
 */
@Component
@Order(100)
class DemoDirectory implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoDirectory.class);

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("民政局办公室", UnitType.BUREAU_SECTION, "办公室值班", "+8613847700101"),
            new DemoUnit("社会救助股", UnitType.BUREAU_SECTION, "社会救助股值班", "+8613847700102"),
            new DemoUnit("养老服务股", UnitType.BUREAU_SECTION, "养老服务股值班", "+8613847700103"),
            new DemoUnit("社会事务股", UnitType.BUREAU_SECTION, "社会事务股值班", "+8613847700104"),
            new DemoUnit("东胜区救助管理站", UnitType.SECONDARY_UNIT, "救助管理站值班", "+8613847700201"),
            new DemoUnit("东胜区老龄工作服务中心", UnitType.SECONDARY_UNIT, "老龄中心值班", "+8613847700202"),
            new DemoUnit("东胜区社会福利中心养老院", UnitType.ELDERLY_CARE_HOME, "福利中心护理部", "+8613847700301"),
            new DemoUnit("东胜区颐和养老院", UnitType.ELDERLY_CARE_HOME, "颐和养老院院长", "+8613847700302"),
            new DemoUnit("东胜区康乐老年公寓", UnitType.ELDERLY_CARE_HOME, "康乐公寓值班", "+8613847700303"),
            new DemoUnit("东胜区殡仪馆", UnitType.FUNERAL_HOME, "殡仪馆业务室", "+8613847700401"),
            new DemoUnit("东胜区婚姻登记处", UnitType.MARRIAGE_REGISTRY, "婚姻登记处值班", "+8613847700501"));

    private static final Map<UnitType, String> ACCOUNT_PREFIX = new EnumMap<>(Map.of(
            UnitType.BUREAU_SECTION, "section",
            UnitType.SECONDARY_UNIT, "secondary",
            UnitType.ELDERLY_CARE_HOME, "eldercare",
            UnitType.FUNERAL_HOME, "funeralhome",
            UnitType.MARRIAGE_REGISTRY, "marriageregistry"));

    private final Platform platform;
    private final Units units;
    private final StaffAccounts accounts;
    private final StaffAccountRepository accountRepository;
    private final PasswordEncoder passwords;
    private final DirectorySettings settings;

    DemoDirectory(Platform platform, Units units, StaffAccounts accounts, StaffAccountRepository accountRepository,
            PasswordEncoder passwords, DirectorySettings settings) {
        this.platform = platform;
        this.units = units;
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.passwords = passwords;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = settings.demoPassword();
        if (!platform.embedded() || password == null) {
            return;
        }
        // Start-up only: the service is not ready until its demo directory is.
        seed(password).block();
    }

    Mono<Void> seed(String password) {
        String hash = passwords.encode(password);
        return units.findAll().hasElements()
                .flatMap(present -> present ? Mono.empty() : Flux.fromIterable(UNITS)
                        .concatMap(u -> units.create(u.name(), u.type(), List.of(new Contact(u.contact(), u.phone()))))
                        .then())
                .then(accounts.createIfAbsent("admin", "区民政局疫情防控指挥小组", hash, Set.of(StaffRole.ADMIN), null, true))
                .then(accounts.createIfAbsent("registry", "婚姻登记处工作人员", hash, Set.of(StaffRole.REGISTRY_STAFF), null, true))
                .then(accounts.createIfAbsent("funeral", "殡仪馆工作人员", hash, Set.of(StaffRole.FUNERAL_STAFF), null, true))
                .thenMany(units.findAll())
                .collectList()
                .flatMapMany(all -> Flux.fromIterable(unitMembers(all)))
                .concatMap(m -> accounts.createIfAbsent(m.username(), m.unit().name(), hash, Set.of(StaffRole.UNIT_MEMBER),
                        m.unit().id(), true))
                .then(accountRepository.demoPasswordHash())
                .filter(stored -> !passwords.matches(password, stored))
                .flatMap(stale -> accountRepository.setDemoPasswordHash(hash))
                .doOnNext(n -> log.info("Demo accounts now use the configured demo password"))
                .then();
    }

    private static List<Member> unitMembers(List<Unit> all) {
        Map<UnitType, Integer> counters = new EnumMap<>(UnitType.class);
        return all.stream()
                .sorted(java.util.Comparator.comparing(Unit::id))
                .map(unit -> {
                    int n = counters.merge(unit.type(), 1, Integer::sum);
                    return new Member(ACCOUNT_PREFIX.get(unit.type()).toLowerCase(Locale.ROOT) + n, unit);
                })
                .toList();
    }

    record DemoUnit(String name, UnitType type, String contact, String phone) {
    }

    private record Member(String username, Unit unit) {
    }
}
