package org.civicdesk.quota.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.quota.AvailabilityDay;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Public availability: which days are open and what each slot has left, for anyone. */
@RestController
@Tag(name = "Availability", description = "Open days and seats left, for everyone")
class AvailabilityController {

    private final Quotas quotas;
    private final Clock clock;

    AvailabilityController(Quotas quotas, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The answer: the service and its days. */
    record Availability(ServiceCode service, List<AvailabilityDay> days) {
    }

    @GetMapping("/api/v1/availability")
    @Operation(summary = "Days of a service with their slots and seats left (from defaults to today, to to 13 days later)",
            description = "A day nobody opened is closed. Hot dates show hot: true and their release tranches; a day "
                    + "not released yet shows releasesAt.")
    Mono<Availability> availability(@RequestParam ServiceCode service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "WEB") Channel channel) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = to != null ? to : start.plusDays(13);
        return quotas.availability(service, start, end, channel).collectList()
                .map(days -> new Availability(service, days));
    }
}
