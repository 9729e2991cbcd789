package org.civicdesk.booking.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.civicdesk.booking.Bookings;
import org.civicdesk.booking.WaitlistEntry;
import org.civicdesk.identity.Callers;
import org.civicdesk.quota.Channel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A citizen's places on the waitlists of full days. */
@RestController
@RequestMapping("/api/v1/waitlist")
@Tag(name = "Waitlist", description = "Waiting for a seat on a full day")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('CITIZEN')")
class WaitlistController {

    private final Bookings bookings;
    private final Callers callers;

    WaitlistController(Bookings bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    @PostMapping
    @Operation(summary = "Join a full day's waitlist; a freed seat is then held for you and announced by SMS",
            description = "409 seats-available when the day still has seats, already-waitlisted when you wait already.")
    Mono<ResponseEntity<WaitlistEntry>> join(@Valid @RequestBody BookingRequests.WaitlistRequest request) {
        return callers.current()
                .flatMap(caller -> bookings.joinWaitlist(caller.subject(), request.service(), request.date(), Channel.WEB))
                .map(entry -> ResponseEntity.created(URI.create("/api/v1/waitlist/" + entry.id())).body(entry));
    }

    @GetMapping
    @Operation(summary = "Your waitlist entries with your place in line")
    Mono<List<WaitlistEntry>> mine() {
        return callers.current().flatMap(caller -> bookings.waitlist(caller.subject()).collectList());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Leave a waitlist")
    Mono<ResponseEntity<Void>> leave(@PathVariable long id) {
        return callers.current().flatMap(caller -> bookings.leaveWaitlist(caller.subject(), id))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
