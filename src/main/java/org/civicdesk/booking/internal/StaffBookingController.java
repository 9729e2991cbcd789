package org.civicdesk.booking.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.Bookings;
import org.civicdesk.identity.Callers;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The office's desk: the day's list, check-in, no-shows, and booking for a citizen at the
 * counter or on the phone (those channels may use the seats held back for them). Registry staff
 * serve marriage registration, funeral staff the funeral services, the command group all.
 */
@RestController
@RequestMapping("/api/v1/staff/bookings")
@Tag(name = "Staff bookings", description = "Day lists, check-in, no-shows and counter bookings")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('ADMIN', 'REGISTRY_STAFF', 'FUNERAL_STAFF')")
class StaffBookingController {

    private final Bookings bookings;
    private final Callers callers;

    StaffBookingController(Bookings bookings, Callers callers) {
        this.bookings = bookings;
        this.callers = callers;
    }

    @GetMapping
    @Operation(summary = "A day's bookings (today by default) of the services this staff member serves")
    Mono<List<Booking>> day(@RequestParam(required = false) @Nullable ServiceCode service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        return callers.current().flatMap(staff -> bookings.dayList(staff, service, date).collectList());
    }

    @PostMapping("/check-in")
    @Operation(summary = "Check a citizen in on the day by reference code or the QR payload of their booking")
    Mono<Booking> checkIn(@Valid @RequestBody BookingRequests.CheckInRequest request) {
        String value = request.value();
        return callers.current().flatMap(staff -> bookings.checkIn(staff, value));
    }

    @PostMapping("/{code}/no-show")
    @Operation(summary = "Mark a booking a no-show once its slot is over (marriage registration: graded suspensions)")
    Mono<Booking> noShow(@PathVariable String code) {
        return callers.current().flatMap(staff -> bookings.noShow(staff, code));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN') or hasRole(#request.booking().service().staffRole())")
    @Operation(summary = "Book for a citizen at the counter or on the phone (channel COUNTER or PHONE)",
            description = "Requires an Idempotency-Key header, like a citizen's booking; the booking belongs to the given phone.")
    Mono<ResponseEntity<Booking>> book(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody BookingRequests.StaffBookingRequest request) {
        String key = BookingRequests.idempotencyKey(idempotencyKey);
        BookingCommand command = request.booking().command(Channel.COUNTER);
        BookingRequests.staffChannel(command);
        return bookings.book(request.phone(), command, key).map(BookingController::created);
    }
}
