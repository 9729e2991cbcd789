package org.civicdesk.identity.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults a deployment gets without configuring anything. */
class IdentitySettingsTests {

    @Test
    void defaultsMatchWhatCitizensAreTold() {
        IdentitySettings settings = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("civicdesk.identity", IdentitySettings.class);
        assertThat(settings.codeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.codeMaxTries()).isEqualTo(5);
        // Generous enough for a carrier NAT: at least 200 code requests per address per 10 minutes.
        assertThat(settings.codesPerIp()).isGreaterThanOrEqualTo(200);
        assertThat(settings.codesPerIpWindow()).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxFailedLogins()).isEqualTo(5);
    }
}
