package org.civicdesk.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.civicdesk.platform.RepeatingTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happens with time, on every instance, safely together: holds whose time is up lapse
 * (each exactly once), the day-before reminders go out (each claimed in PostgreSQL by one
 * instance), waitlists get the seats that freed up, and the offices are looked up again.
 */
@Component
class BookingJobs extends RepeatingTask {

    private static final int BATCH = 100;

    private final BookingRepository bookings;
    private final WaitlistRepository waitlistRepository;
    private final Holds holds;
    private final Waitlist waitlist;
    private final BookingMessages messages;
    private final ServiceCatalog catalog;
    private final BookingSettings settings;
    private final TransactionalOperator tx;
    private final Clock clock;
    private volatile long lastOfficeSync;
    private volatile long lastWaitlistSweep;

    BookingJobs(BookingRepository bookings, WaitlistRepository waitlistRepository, Holds holds, Waitlist waitlist,
            BookingMessages messages, ServiceCatalog catalog, BookingSettings settings, TransactionalOperator tx,
            Clock clock) {
        super(Duration.ZERO, settings.sweepInterval());
        this.bookings = bookings;
        this.waitlistRepository = waitlistRepository;
        this.holds = holds;
        this.waitlist = waitlist;
        this.messages = messages;
        this.catalog = catalog;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void start() {
        lastOfficeSync = 0;
        lastWaitlistSweep = 0;
        super.start();
    }

    @Override
    protected Mono<Void> runOnce() {
        return expireHolds().then(remind()).then(sweepWaitlists()).then(syncOffices());
    }

    Mono<Void> expireHolds() {
        return Flux.defer(() -> bookings.expiredHolds(clock.instant(), BATCH)).concatMap(holds::expire).then();
    }

    /** From the reminder time on, tomorrow's bookings not yet reminded are claimed and reminded. */
    Mono<Void> remind() {
        return Mono.defer(() -> {
            if (LocalTime.now(clock).isBefore(settings.reminderTime())) {
                return Mono.empty();
            }
            LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
            return tx.transactional(bookings.claimReminders(tomorrow, clock.instant(), BATCH)
                            .concatMap(messages::reminder)
                            .then());
        });
    }

    private Mono<Void> sweepWaitlists() {
        if (System.nanoTime() - lastWaitlistSweep < Duration.ofSeconds(15).toNanos()) {
            return Mono.empty();
        }
        lastWaitlistSweep = System.nanoTime();
        return waitlistRepository.waitingDays(LocalDate.now(clock))
                .concatMap(day -> waitlist.offer(day.service(), day.day()))
                .then();
    }

    private Mono<Void> syncOffices() {
        if (lastOfficeSync != 0 && System.nanoTime() - lastOfficeSync < settings.officeSyncInterval().toNanos()) {
            return Mono.empty();
        }
        lastOfficeSync = System.nanoTime();
        return catalog.syncOffices();
    }
}
