package org.civicdesk.quota;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.civicdesk.booking.InScenario;
import org.civicdesk.booking.Scenario;
import org.civicdesk.platform.LiveUpdate;
import org.civicdesk.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Every change of the seats left is announced as an event and as a live update for the availability topic. */
class LiveAvailabilityTests extends InScenario {

    @Autowired
    ConfigurableApplicationContext context;

    final List<Object> published = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload) {
            published.add(payload.getPayload());
        }
    };

    @BeforeEach
    void setUp() {
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void tearDown() {
        context.removeApplicationListener(recorder);
    }

    @Test
    void bookingAndCancellingAnnounceTheSeatsLeft() {
        LocalDate day = scenario.freshDay();
        scenario.open(ServiceCode.FAREWELL_CEREMONY, day, 3, "09:00", "10:00");
        awaitSeats(day, 3, 6);

        Scenario.Citizen citizen = scenario.citizen();
        String code = (String) scenario.booked(citizen, Scenario.funeral(ServiceCode.FAREWELL_CEREMONY, day, "09:00",
                Fixtures.newPhone(), false)).get("code");
        awaitSeats(day, 2, 5);
        LiveUpdate update = Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> published.stream()
                .filter(LiveUpdate.class::isInstance).map(LiveUpdate.class::cast)
                .filter(live -> live.payload() instanceof SeatsChanged changed && changed.date().equals(day)
                        && changed.remaining() == 2)
                .findFirst().orElse(null), found -> found != null);
        assertThat(update.destination()).isEqualTo("/topic/availability.FAREWELL_CEREMONY");
        assertThat((SeatsChanged) update.payload()).satisfies(changed -> {
            assertThat(changed.slotStart()).isEqualTo(LocalTime.of(9, 0));
            assertThat(changed.capacity()).isEqualTo(3);
            assertThat(changed.dayRemaining()).isEqualTo(5);
        });

        scenario.as(citizen, web.delete().uri("/api/v1/bookings/{c}", code)).exchange().expectStatus().isOk();
        awaitSeats(day, 3, 6);
    }

    private void awaitSeats(LocalDate day, int remaining, int dayRemaining) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> published.stream()
                .anyMatch(event -> event instanceof SeatsChanged changed && changed.date().equals(day)
                        && changed.slotStart().equals(LocalTime.of(9, 0)) && changed.remaining() == remaining
                        && changed.dayRemaining() == dayRemaining));
    }
}
