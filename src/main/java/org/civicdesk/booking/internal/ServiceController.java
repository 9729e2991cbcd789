package org.civicdesk.booking.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.ServiceInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The services anyone can book, with their offices, party rules and current limits. */
@RestController
@Tag(name = "Services", description = "What can be booked, where, and under which limits")
class ServiceController {

    private final Bookings bookings;

    ServiceController(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/api/v1/services")
    @Operation(summary = "The services with their office, slot length, party rules and the limits in force now")
    Mono<List<ServiceInfo>> services() {
        return bookings.services();
    }
}
