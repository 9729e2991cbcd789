package org.civicdesk.support;

import org.civicdesk.directory.StaffAccounts;
import org.civicdesk.platform.PlatformSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The movable clock and the fixtures every integration test uses. */
@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
public class TestConfiguration {

    @Bean
    @Primary
    MutableClock testClock(PlatformSettings settings) {
        return new MutableClock(settings.zone());
    }

    @Bean
    Fixtures fixtures(StaffAccounts accounts, PasswordEncoder passwords) {
        return new Fixtures(accounts, passwords);
    }
}
