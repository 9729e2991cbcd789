package org.civicdesk.quota.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.IdempotentReplay;
import org.civicdesk.quota.ServiceCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How long the seat gate takes, from the first check to PostgreSQL's word, by service and answer
 * ({@code civicdesk.seat.gate}, with a histogram for p50/p99 on the dashboard).
 */
@Component
class GateMetrics {

    private final MeterRegistry meters;

    GateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    <T> Mono<T> timed(ServiceCode service, Mono<T> attempt) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return attempt
                    .doOnSuccess(result -> stop(sample, service, "taken"))
                    .doOnError(ex -> stop(sample, service, outcome(ex)));
        });
    }

    private void stop(Timer.Sample sample, ServiceCode service, String outcome) {
        sample.stop(Timer.builder("civicdesk.seat.gate")
                .description("Time to take a seat: Redis gate and PostgreSQL transaction")
                .tag("service", service.name()).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters));
    }

    static String outcome(Throwable ex) {
        if (ex instanceof DomainFailure failure) {
            return failure.slug();
        }
        return ex instanceof IdempotentReplay ? "replayed" : "error";
    }
}
