package org.civicdesk.sms.internal;

import org.civicdesk.support.CivicDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages are spaced at the configured rate, counted in Redis so every instance shares it. */
@CivicDeskTest
class PacerTests {

    @Autowired
    Pacer pacer;

    @Test
    void backToBackReservationsAreSpacedByTheInterval() {
        long interval = pacer.intervalMicros();
        Flux.range(0, 40).concatMap(i -> pacer.reserve())
                .collectList()
                .as(StepVerifier::create)
                .assertNext(waits -> {
                    // Each slot is at least one interval after the one before it; asked for together,
                    // the last of 40 is about 39 intervals away.
                    for (int i = 1; i < waits.size(); i++) {
                        assertThat(waits.get(i).slot() - waits.get(i - 1).slot()).isGreaterThanOrEqualTo(interval);
                    }
                    assertThat(waits.get(39).slot() - waits.get(0).slot()).isGreaterThanOrEqualTo(39 * interval);
                })
                .verifyComplete();
    }
}
