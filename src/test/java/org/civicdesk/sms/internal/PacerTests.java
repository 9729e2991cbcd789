package org.civicdesk.sms.internal;

import java.time.Duration;

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

    @Test
    void sendersThatFellBehindCatchUpOnATwentiethOfASecondAtMost() throws InterruptedException {
        long interval = pacer.intervalMicros();
        long catchUp = pacer.catchUpMicros();
        assertThat(catchUp).isGreaterThan(0).isLessThanOrEqualTo(50_000);
        pacer.reserve().block(Duration.ofSeconds(5));
        Thread.sleep(200);
        int asked = (int) (catchUp / interval) + 20;
        // Asked all together, as a busy dispatcher does.
        Flux.range(0, asked).flatMap(i -> pacer.reserve())
                .sort(java.util.Comparator.comparingLong(Pacer.Reservation::slot))
                .collectList()
                .as(StepVerifier::create)
                .assertNext(reservations -> {
                    // After a pause the first slot lies up to a twentieth of a second back (sent at
                    // once, catching up), none lies further back, the pace holds for the rest, and
                    // the spacing between slots is never under the interval.
                    assertThat(reservations.get(0).waitMicros()).isLessThanOrEqualTo(-(catchUp - interval));
                    assertThat(reservations).allSatisfy(r -> assertThat(r.waitMicros()).isGreaterThanOrEqualTo(-catchUp));
                    assertThat(reservations.get(asked - 1).waitMicros()).isPositive();
                    for (int i = 1; i < reservations.size(); i++) {
                        assertThat(reservations.get(i).slot() - reservations.get(i - 1).slot()).isGreaterThanOrEqualTo(interval);
                    }
                })
                .verifyComplete();
    }
}
