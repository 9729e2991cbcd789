package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.civicdesk.booking.Booking;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.BookingNotFound;
import org.civicdesk.booking.BookingResult;
import org.civicdesk.booking.HoldDetails;
import org.civicdesk.booking.ServiceInfo;
import org.civicdesk.booking.WaitlistEntry;
import org.civicdesk.identity.Caller;
import org.civicdesk.platform.Platform;
import org.civicdesk.quota.Channel;
import org.civicdesk.quota.Quotas;
import org.civicdesk.quota.ServiceCode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Behind {@link org.civicdesk.booking.Bookings}: hands each request to the part that handles it. */
@Service
public class BookingService {

    private final BookingFlow flow;
    private final Holds holds;
    private final BookingLife life;
    private final StaffDesk desk;
    private final Waitlist waitlist;
    private final BookingRepository bookings;
    private final BookingViews views;
    private final ServiceCatalog catalog;
    private final Quotas quotas;
    private final BookingSettings settings;
    private final Platform platform;
    private final Clock clock;

    BookingService(BookingFlow flow, Holds holds, BookingLife life, StaffDesk desk, Waitlist waitlist,
            BookingRepository bookings, BookingViews views, ServiceCatalog catalog, Quotas quotas, BookingSettings settings,
            Platform platform, Clock clock) {
        this.flow = flow;
        this.holds = holds;
        this.life = life;
        this.desk = desk;
        this.waitlist = waitlist;
        this.bookings = bookings;
        this.views = views;
        this.catalog = catalog;
        this.quotas = quotas;
        this.settings = settings;
        this.platform = platform;
        this.clock = clock;
    }

    public Mono<BookingResult> book(String owner, BookingCommand command, @Nullable String key, boolean hold) {
        return flow.book(owner, command, key, hold);
    }

    /** See {@link BookingFlow#refuseIfKnownFull}. */
    public Mono<Void> refuseIfKnownFull(String owner, BookingCommand command, @Nullable String key) {
        return flow.refuseIfKnownFull(owner, command, key);
    }

    public Mono<Booking> confirmHold(String owner, String code, HoldDetails details) {
        return holds.confirm(owner, code(code), details);
    }

    public Mono<Booking> cancel(String owner, String code) {
        return life.cancel(owner, code(code));
    }

    public Mono<Booking> reschedule(String owner, String code, LocalDate date, LocalTime start) {
        return life.reschedule(owner, code(code), date, start);
    }

    public Flux<Booking> mine(String owner) {
        return bookings.byOwner(owner).concatMap(views::of);
    }

    public Mono<Booking> find(String owner, String code) {
        return life.own(owner, code(code)).flatMap(views::of);
    }

    public Mono<String> calendar(String owner, String code) {
        return find(owner, code).map(booking -> CalendarFile.of(booking, platform.zone(), clock.instant()));
    }

    public Mono<List<ServiceInfo>> services() {
        return catalog.all().flatMapMany(Flux::fromIterable)
                .concatMap(definition -> Mono.zip(quotas.rules(definition.code()), quotas.policy(definition.code()))
                        .map(found -> new ServiceInfo(definition.code(), definition.name(), definition.nameEn(),
                                catalog.office(definition), found.getT1().slotMinutes(),
                                definition.kind() == ServiceCatalog.Kind.MARRIAGE
                                        ? new ServiceInfo.PartyRules("MARRIAGE", 2, 22, 20)
                                        : new ServiceInfo.PartyRules("FUNERAL", 0, null, null),
                                new ServiceInfo.Limits(found.getT2().riskLevel(), found.getT2().capacityFactor(),
                                        found.getT2().suspended(), found.getT2().maxCompanions(),
                                        found.getT1().minNotice().toMinutes(), found.getT1().maxDaysAhead(),
                                        found.getT1().releaseTime(), settings.cancelCutoff().toMinutes()))))
                .collectList();
    }

    public Mono<WaitlistEntry> joinWaitlist(String owner, ServiceCode service, LocalDate date, Channel channel) {
        return waitlist.join(owner, service, date, channel);
    }

    public Flux<WaitlistEntry> waitlist(String owner) {
        return waitlist.mine(owner);
    }

    public Mono<Void> leaveWaitlist(String owner, long id) {
        return waitlist.leave(owner, id);
    }

    public Flux<Booking> dayList(Caller staff, @Nullable ServiceCode service, LocalDate date) {
        return desk.dayList(staff, service, date);
    }

    public Mono<Booking> checkIn(Caller staff, String codeOrQr) {
        return desk.checkIn(staff, codeOrQr);
    }

    public Mono<Booking> noShow(Caller staff, String code) {
        return desk.noShow(staff, code(code));
    }

    /** A code as typed ({@code 4821 7730}); a malformed one is simply not found. */
    private static String code(String typed) {
        String code = BookingCodes.normalize(typed);
        if (code == null) {
            throw new BookingNotFound(typed.strip());
        }
        return code;
    }
}
