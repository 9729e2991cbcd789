package org.civicdesk.sms.internal;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.platform.PhoneNumbers;
import org.civicdesk.platform.Platform;
import org.civicdesk.sms.Sms;
import org.civicdesk.sms.SmsRecord;
import org.civicdesk.sms.SmsStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SMS outbox for the command group (what went out, what failed and why), and, in the
 * embedded default only, the simulated phone's inbox.
 */
@RestController
@Tag(name = "SMS", description = "The outbound message log")
class SmsOutboxController {

    private final Sms sms;
    private final SimulatedInbox inbox;
    private final Platform platform;

    SmsOutboxController(Sms sms, SimulatedInbox inbox, Platform platform) {
        this.sms = sms;
        this.inbox = inbox;
        this.platform = platform;
    }

    @GetMapping("/api/v1/staff/sms")
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The newest outbound messages with their delivery status (command group)")
    Flux<SmsRecord> outbox(@RequestParam(required = false) @Nullable SmsStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        return sms.recent(status, limit);
    }

    @GetMapping("/api/v1/simulator/sms")
    @Operation(summary = "Messages 'sent' to a phone in the embedded default, where no real SMS leaves the machine")
    Mono<List<Map<String, Object>>> simulated(@RequestParam String phone) {
        if (!platform.embedded()) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String e164 = PhoneNumbers.normalize(phone, "phone");
        return Mono.just(inbox.forPhone(e164, 20).stream()
                .map(e -> Map.<String, Object>of("id", e.id(), "to", e.to(), "body", e.body(),
                        "purpose", e.purpose(), "at", e.at()))
                .toList());
    }
}
