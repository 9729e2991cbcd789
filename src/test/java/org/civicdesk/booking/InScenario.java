package org.civicdesk.booking;

import org.civicdesk.support.CivicDeskTest;
import org.civicdesk.support.Fixtures;
import org.civicdesk.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every booking and quota test starts from: the whole service, a {@link Scenario} with
 * generous service rules, and the clock set back afterwards.
 */
@CivicDeskTest
public abstract class InScenario {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected JwtEncoder encoder;

    @Autowired
    protected MutableClock clock;

    protected Scenario scenario;

    @BeforeEach
    void prepareScenario() {
        scenario = new Scenario(web, fixtures, encoder, clock);
        scenario.generousRules();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
