package org.civicdesk.quota.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.civicdesk.quota.HotDate;
import org.civicdesk.quota.HotTemplate;
import org.civicdesk.quota.QuotaDay;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.RiskPreview;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.ServiceRules;
import org.civicdesk.quota.TemplateResult;
import org.civicdesk.risk.RiskLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Quotas for staff: registry staff manage marriage registration, funeral staff the funeral
 * home's services, the command group everything (and previews risk levels); others get 403.
 */
@RestController
@RequestMapping("/api/v1/staff/quotas")
@Tag(name = "Quotas", description = "Daily numbers per service, slot and day; hot dates; risk-level previews")
@SecurityRequirement(name = "bearer")
class QuotaController {

    private static final String MANAGES = "hasRole('ADMIN') or hasRole(#service.staffRole())";

    private final Quotas quotas;
    private final java.time.Clock clock;

    QuotaController(Quotas quotas, java.time.Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
    }

    @GetMapping("/{service}/days")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Each day of a range (at most 62 days) with its slots, capacities and bookings: the staff calendar",
            description = "Days nobody opened are listed closed with no slots; 400 invalid-range for a longer or reversed range.")
    Mono<List<QuotaDay>> days(@PathVariable ServiceCode service,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return quotas.days(service, from, to).collectList();
    }

    @GetMapping("/{service}/{date}")
    @PreAuthorize(MANAGES)
    @Operation(summary = "A day's slots with capacities, held-back seats and bookings")
    Mono<QuotaDay> day(@PathVariable ServiceCode service, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return quotas.day(service, date);
    }

    @PutMapping("/{service}/{date}")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Open a day with slots (and an optional day cap), change it, or close it with a reason",
            description = "A capacity below what is booked is refused (409 capacity-below-booked) unless "
                    + "reaccommodate is true: the excess bookings then move to the nearest free slots and their "
                    + "citizens are told by SMS.")
    Mono<QuotaDay> setDay(@PathVariable ServiceCode service,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody QuotaRequests.DayRequest request) {
        return quotas.setDay(service, date, request.plan());
    }

    @PostMapping("/{service}/template")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Apply a weekday pattern of slots to every day of a range; hot dates get the hot template")
    Mono<TemplateResult> template(@PathVariable ServiceCode service, @Valid @RequestBody QuotaRequests.TemplateRequest request) {
        return quotas.applyTemplate(service, request.from(), request.to(), request.plans(), request.dayCap(),
                Boolean.TRUE.equals(request.reaccommodate()));
    }

    @GetMapping("/{service}/rules")
    @PreAuthorize(MANAGES)
    @Operation(summary = "The service's booking window, release time, hold-back share and hot-date tranches")
    Mono<ServiceRules> rules(@PathVariable ServiceCode service) {
        return quotas.rules(service);
    }

    @PutMapping("/{service}/rules")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Change the minimum notice, how many days ahead a day is released and when, and the share of "
            + "each slot held back for phone and counter bookings until the cutoff the day before")
    Mono<ServiceRules> setRules(@PathVariable ServiceCode service, @Valid @RequestBody QuotaRequests.RulesRequest request) {
        return quotas.updateRules(service, java.time.Duration.ofMinutes(request.minNoticeMinutes()), request.maxDaysAhead(),
                request.releaseTime(), request.reserveShare(), request.reserveCutoff());
    }

    @GetMapping("/{service}/hot-dates")
    @PreAuthorize(MANAGES)
    @Operation(summary = "The hot dates of a year: built-in (2/14, 5/20, 5/21, Qixi, 9/9, 10/10) and staff-added")
    Mono<List<HotDate>> hotDates(@PathVariable ServiceCode service, @RequestParam(required = false) @Nullable Integer year) {
        return quotas.hotDates(service, year != null ? year : LocalDate.now(clock).getYear()).collectList();
    }

    @PutMapping("/{service}/hot-dates/{date}")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Make a date hot: it takes the hot template and is released in tranches")
    Mono<HotDate> addHotDate(@PathVariable ServiceCode service,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody QuotaRequests.HotDateRequest request) {
        return quotas.addHotDate(service, date, request.name());
    }

    @DeleteMapping("/{service}/hot-dates/{date}")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Remove a staff-added hot date")
    Mono<ResponseEntity<Void>> removeHotDate(@PathVariable ServiceCode service,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return quotas.removeHotDate(service, date).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{service}/hot-template")
    @PreAuthorize(MANAGES)
    @Operation(summary = "The slots, day cap and release tranches hot dates use")
    Mono<HotTemplate> hotTemplate(@PathVariable ServiceCode service) {
        return quotas.hotTemplate(service);
    }

    @PutMapping("/{service}/hot-template")
    @PreAuthorize(MANAGES)
    @Operation(summary = "Replace the hot-date template and its release tranches")
    Mono<HotTemplate> setHotTemplate(@PathVariable ServiceCode service,
            @Valid @RequestBody QuotaRequests.HotTemplateRequest request) {
        return quotas.setHotTemplate(service, request.template());
    }

    @GetMapping("/risk-preview")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "What a risk level would change: capacities before and after per service and day, "
            + "companions, and the bookings that would have to be re-accommodated (command group)")
    Mono<RiskPreview> riskPreview(@RequestParam RiskLevel level, @RequestParam(required = false) @Nullable Long unitId) {
        return quotas.riskPreview(level, unitId);
    }
}
