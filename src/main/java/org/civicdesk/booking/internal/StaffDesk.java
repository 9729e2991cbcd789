package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingNotChangeable;
import org.civicdesk.booking.BookingNotFound;
import org.civicdesk.booking.BookingStatus;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.identity.Caller;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.Seats;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The office's side: today's list per service, check-in by reference code or QR payload (on the
 * day), and no-shows marked once the slot is over (graded suspensions for marriage registration).
 * Registry staff see marriage registration, funeral staff the funeral services, the command
 * group everything.
 */
@Component
class StaffDesk {

    private final BookingRepository bookings;
    private final BookingCodes codes;
    private final Seats seats;
    private final NoShows noShows;
    private final BookingRules rules;
    private final BookingMessages messages;
    private final BookingViews views;
    private final ServiceCatalog catalog;
    private final Platform platform;
    private final Clock clock;

    StaffDesk(BookingRepository bookings, BookingCodes codes, Seats seats, NoShows noShows, BookingRules rules,
            BookingMessages messages, BookingViews views, ServiceCatalog catalog, Platform platform, Clock clock) {
        this.bookings = bookings;
        this.codes = codes;
        this.seats = seats;
        this.noShows = noShows;
        this.rules = rules;
        this.messages = messages;
        this.views = views;
        this.catalog = catalog;
        this.platform = platform;
        this.clock = clock;
    }

    static boolean manages(Caller caller, ServiceCode service) {
        return caller.has(StaffRole.ADMIN) || caller.roles().stream().anyMatch(role -> role.name().equals(service.staffRole()));
    }

    Flux<Booking> dayList(Caller staff, @org.jspecify.annotations.Nullable ServiceCode service, LocalDate date) {
        Set<ServiceCode> services = EnumSet.noneOf(ServiceCode.class);
        for (ServiceCode candidate : service == null ? ServiceCode.values() : new ServiceCode[] {service}) {
            if (manages(staff, candidate)) {
                services.add(candidate);
            }
        }
        if (services.isEmpty()) {
            return Flux.error(new AccessDeniedException("Not this service's staff"));
        }
        return bookings.dayList(services, date).concatMap(views::of);
    }

    Mono<Booking> checkIn(Caller staff, String codeOrQr) {
        String code = codes.fromQr(codeOrQr.strip());
        String resolved = code != null ? code : BookingCodes.normalize(codeOrQr);
        if (resolved == null) {
            return Mono.error(new BookingNotFound(codeOrQr.strip()));
        }
        Instant now = clock.instant();
        return staffs(staff, resolved).flatMap(row -> {
            if (row.status() != BookingStatus.CONFIRMED) {
                return Mono.error(BookingNotChangeable.status(row.status()));
            }
            if (!row.day().equals(LocalDate.now(clock))) {
                return Mono.error(BookingNotChangeable.notToday());
            }
            return seats.settle(resolved, bookings.transition(resolved, Set.of(BookingStatus.CONFIRMED),
                            BookingStatus.CHECKED_IN, now, null)
                    .flatMap(ok -> ok ? Mono.just(true) : Mono.error(BookingNotChangeable.status(row.status()))))
                    .then(bookings.find(resolved)).flatMap(views::of);
        });
    }

    Mono<Booking> noShow(Caller staff, String code) {
        Instant now = clock.instant();
        return staffs(staff, code).flatMap(row -> {
            if (row.status() != BookingStatus.CONFIRMED) {
                return Mono.error(BookingNotChangeable.status(row.status()));
            }
            if (now.isBefore(row.day().atTime(row.end()).atZone(platform.zone()).toInstant())) {
                return Mono.error(BookingNotChangeable.slotNotOver());
            }
            Mono<Boolean> work = bookings.transition(code, Set.of(BookingStatus.CONFIRMED), BookingStatus.NO_SHOW, now, null)
                    .flatMap(ok -> !ok ? Mono.error(BookingNotChangeable.status(row.status()))
                            : catalog.get(row.service()).flatMap(definition -> definition.kind() != ServiceCatalog.Kind.MARRIAGE
                                    ? Mono.just(true)
                                    : grade(row).thenReturn(true)));
            return seats.settle(code, work).then(bookings.find(code)).flatMap(views::of);
        });
    }

    /** Counts the no-show against both parties and the phone; a grade reached suspends them and says so. */
    private Mono<Void> grade(BookingRow row) {
        List<String> keys = new ArrayList<>();
        row.parties().forEach(party -> keys.add(party.idHash()));
        keys.add(rules.phoneKey(row.ownerPhone()));
        return noShows.record(row.id(), keys)
                .flatMap(grade -> messages.suspended(row.ownerPhone(), row.code(), grade.getKey(), grade.getValue()));
    }

    private Mono<BookingRow> staffs(Caller staff, String code) {
        return bookings.find(code).switchIfEmpty(Mono.error(() -> new BookingNotFound(code)))
                .flatMap(row -> manages(staff, row.service()) ? Mono.just(row)
                        : Mono.error(new AccessDeniedException("Not this service's staff")));
    }
}
