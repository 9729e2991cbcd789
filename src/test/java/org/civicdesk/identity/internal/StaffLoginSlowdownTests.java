package org.civicdesk.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each wrong password in a row makes the next answer wait twice as long, up to a cap. */
class StaffLoginSlowdownTests {

    @Test
    void theWaitDoublesWithEachFailureUpToSixteenTimesTheBase() {
        List<Duration> waits = IntStream.of(1, 2, 3, 4, 5, 6, 20)
                .mapToObj(n -> StaffLogin.slowdown(Duration.ofMillis(250), n)).toList();
        assertThat(waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
    }
}
