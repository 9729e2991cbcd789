package org.civicdesk.booking.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.BookingResult;
import org.civicdesk.booking.Bookings;
import org.civicdesk.identity.Caller;
import org.civicdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A signed-in citizen's bookings: book, hold and confirm, see, cancel, reschedule, add to a calendar. */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings", description = "Citizens' bookings: the seat gate, holds, cancellation, rescheduling")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasRole('CITIZEN')")
class BookingController {

    private final Bookings bookings;
    private final Callers callers;

    BookingController(Bookings bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    @PostMapping
    @Operation(summary = "Book a seat (confirmed at once, SMS sent)",
            description = "Requires an Idempotency-Key header. The first request answers 201 with the booking; a retry "
                    + "with the same key and body answers 200 with the same booking and the header "
                    + "Idempotent-Replayed: true; the same key with a different body answers 422 idempotency-key-reused.")
    Mono<ResponseEntity<Booking>> book(
            @Parameter(description = "A new random value per booking, the same on every retry")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.BookingRequest request) {
        String key = BookingRequests.idempotencyKey(idempotencyKey);
        BookingCommand command = BookingRequests.online(request);
        return citizen().flatMap(caller -> bookings.book(caller, command, key)).map(BookingController::created);
    }

    @PostMapping("/holds")
    @Operation(summary = "Hold a seat for a few minutes while the citizen confirms (people may be named at confirmation)",
            description = "An Idempotency-Key header is optional here. An unconfirmed hold lapses and its seat returns.")
    Mono<ResponseEntity<Booking>> hold(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.BookingRequest request) {
        String key = idempotencyKey == null ? null : BookingRequests.idempotencyKey(idempotencyKey);
        BookingCommand command = BookingRequests.online(request);
        return citizen().flatMap(caller -> bookings.hold(caller.subject(), command, key)).map(BookingController::created);
    }

    @PostMapping("/holds/{code}/confirm")
    @Operation(summary = "Confirm a hold (or a seat offered from the waitlist); 409 hold-expired when too late")
    Mono<Booking> confirm(@PathVariable String code, @Valid @RequestBody(required = false) BookingRequests.@Nullable ConfirmRequest request) {
        BookingRequests.ConfirmRequest body = request != null ? request : new BookingRequests.ConfirmRequest(null, null, null, null, null);
        return citizen().flatMap(caller -> bookings.confirmHold(caller.subject(), code, body.details()));
    }

    @GetMapping
    @Operation(summary = "The citizen's bookings, newest day first")
    Mono<List<Booking>> mine() {
        return citizen().flatMap(caller -> bookings.findMine(caller.subject()).collectList());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One of the citizen's bookings")
    Mono<Booking> one(@PathVariable String code) {
        return citizen().flatMap(caller -> bookings.find(caller.subject(), code));
    }

    @DeleteMapping("/{code}")
    @Operation(summary = "Cancel a booking before the cutoff (a hold at any time); the seat returns and an SMS confirms it")
    Mono<Booking> cancel(@PathVariable String code) {
        return citizen().flatMap(caller -> bookings.cancel(caller.subject(), code));
    }

    @PostMapping("/{code}/reschedule")
    @Operation(summary = "Move a booking to another slot: the new seat is taken before the old one is given up")
    Mono<Booking> reschedule(@PathVariable String code, @Valid @RequestBody BookingRequests.RescheduleRequest request) {
        return citizen().flatMap(caller -> bookings.reschedule(caller.subject(), code, request.date(), request.slotStart()));
    }

    @GetMapping(value = "/{code}/ics", produces = "text/calendar")
    @Operation(summary = "The booking as an iCalendar file")
    Mono<ResponseEntity<String>> calendar(@PathVariable String code) {
        return citizen().flatMap(caller -> bookings.calendar(caller.subject(), code))
                .map(ics -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                        .header("Content-Disposition", "attachment; filename=\"booking-" + code.replaceAll("\\D", "") + ".ics\"")
                        .body(ics));
    }

    private Mono<Caller> citizen() {
        return callers.current();
    }

    static ResponseEntity<Booking> created(BookingResult result) {
        if (result.replayed()) {
            return ResponseEntity.status(HttpStatus.OK).header("Idempotent-Replayed", "true").body(result.booking());
        }
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + result.booking().code())).body(result.booking());
    }
}
