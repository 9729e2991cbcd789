package org.civicdesk.booking.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.civicdesk.booking.BookingCommand;
import org.civicdesk.booking.BookingResult;
import org.civicdesk.platform.DomainFailure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Booking attempts by service, channel and outcome ({@code civicdesk.booking.attempts}):
 * {@code confirmed}, {@code held}, {@code replayed}, or the problem type that refused it
 * ({@code slot-full}, {@code invalid-id-number}, …).
 */
@Component
public class BookingMetrics {

    private final MeterRegistry meters;

    BookingMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public Mono<BookingResult> counted(BookingCommand command, boolean hold, Mono<BookingResult> attempt) {
        return attempt
                .doOnSuccess(result -> count(command, result == null ? "error"
                        : result.replayed() ? "replayed" : hold ? "held" : "confirmed"))
                .doOnError(ex -> count(command, ex instanceof DomainFailure failure ? failure.slug() : "error"));
    }

    /** Counts the refusal when {@code check} refuses the attempt; an attempt let through is counted where it ends. */
    public Mono<Void> refusals(BookingCommand command, Mono<Void> check) {
        return check.doOnError(DomainFailure.class, failure -> count(command, failure.slug()));
    }

    private void count(BookingCommand command, String outcome) {
        Counter.builder("civicdesk.booking.attempts")
                .description("Booking attempts by outcome")
                .tag("service", command.service().name())
                .tag("channel", command.channel().name())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
