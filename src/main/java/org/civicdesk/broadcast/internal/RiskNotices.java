package org.civicdesk.broadcast.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.broadcast.Audience;
import org.civicdesk.broadcast.Notice;
import org.civicdesk.broadcast.NoticeDraft;
import org.civicdesk.broadcast.NoticeKind;
import org.civicdesk.directory.Unit;
import org.civicdesk.directory.UnitNotFound;
import org.civicdesk.directory.UnitType;
import org.civicdesk.directory.Units;
import org.civicdesk.risk.RiskLevel;
import org.civicdesk.risk.RiskLevelChanged;
import org.civicdesk.risk.RiskLevels;
import org.civicdesk.risk.RiskProfile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns each risk-level change into RISK_LEVEL notices: every unit whose level it changed gets
 * one with its unit type's guideline and checklist for the new level (one notice per unit type
 * and level). A change is turned into notices once (marked in the same transaction); changes an
 * instance did not get to, because it stopped right after committing one, are caught up by the
 * next pass of any instance.
 */
@Component
class RiskNotices {

    private static final Log log = LogFactory.getLog(RiskNotices.class);

    private final RiskLevels risk;
    private final Units units;
    private final NoticeIssuer issuer;
    private final NoticeRepository notices;
    private final BroadcastSettings settings;
    private final Clock clock;

    RiskNotices(RiskLevels risk, Units units, NoticeIssuer issuer, NoticeRepository notices, BroadcastSettings settings,
            Clock clock) {
        this.risk = risk;
        this.units = units;
        this.issuer = issuer;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void changed(RiskLevelChanged change) {
        issueFor(change).subscribe(notice -> { }, ex -> log.warn("RISK_LEVEL notices not issued yet, the next pass will: "
                + ex.getMessage()));
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT60S")
    void catchUp() {
        risk.changesSince(clock.instant().minus(settings.riskCatchUp()))
                .filter(change -> change.previous() != change.level())
                .concatMap(this::issueFor)
                .subscribe(notice -> log.info("Caught up with a risk change: notice " + notice.id()),
                        ex -> log.warn("Risk changes not caught up: " + ex.getMessage()));
    }

    Flux<Notice> issueFor(RiskLevelChanged change) {
        String key = "risk:" + (change.unitId() == null ? "district" : "unit:" + change.unitId()) + ":"
                + ChronoUnit.MICROS.between(Instant.EPOCH, change.at());
        return notices.sourceClaimed(key)
                .filter(claimed -> !claimed)
                .flatMap(fresh -> affected(change))
                .flatMapMany(groups -> Flux.fromIterable(groups.entrySet())
                        .concatMap(group -> risk.profileOf(group.getKey().level())
                                .map(profile -> draft(change, group.getKey().type(), profile, group.getValue())))
                        .collectList()
                        .flatMapMany(drafts -> issuer.issueAll(drafts, "system", key)));
    }

    /** A unit type at a level. */
    record Group(UnitType type, RiskLevel level) {
    }

    /** The units whose level this change moved, by type and new level. */
    private Mono<Map<Group, List<Unit>>> affected(RiskLevelChanged change) {
        if (change.unitId() != null) {
            return units.findById(change.unitId())
                    .map(unit -> Map.of(new Group(unit.type(), change.level()), List.of(unit)))
                    .onErrorResume(UnitNotFound.class, gone -> Mono.just(Map.of()));
        }
        return Mono.zip(units.findAll().collectList(), risk.unitLevels()).map(both -> {
            Map<Group, List<Unit>> groups = new LinkedHashMap<>();
            for (Unit unit : both.getT1()) {
                RiskLevel own = both.getT2().getOrDefault(unit.id(), RiskLevel.NORMAL);
                RiskLevel before = own.stricterThan(change.previous()) ? own : change.previous();
                RiskLevel after = own.stricterThan(change.level()) ? own : change.level();
                if (before != after) {
                    groups.computeIfAbsent(new Group(unit.type(), after), g -> new ArrayList<>()).add(unit);
                }
            }
            return groups;
        });
    }

    private NoticeDraft draft(RiskLevelChanged change, UnitType type, RiskProfile profile, List<Unit> recipients) {
        boolean district = change.unitId() == null;
        String scope = district ? settings.districtName() : recipients.get(0).name();
        return new NoticeDraft(NoticeKind.RISK_LEVEL, RiskNoticeText.title(scope, profile.level(), district ? type : null),
                RiskNoticeText.body(scope, change.previous(), profile, change.reason(), type, profile.guidelineFor(type)),
                RiskNoticeText.severity(profile.level()), Audience.units(recipients.stream().map(Unit::id).toList()), true,
                (int) settings.riskNoticeAckDeadline().toMinutes(), district, profile.level(), profile.guidelineFor(type), null);
    }
}
