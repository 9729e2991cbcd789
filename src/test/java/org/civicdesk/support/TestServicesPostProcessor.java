package org.civicdesk.support;

import org.civicdesk.platform.internal.EmbeddedDefaultPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application a test starts at this run's PostgreSQL, Redis and fake Twilio, unless
 * the test asks for the real embedded default ({@code civicdesk.test.harness=off}).
 */
public class TestServicesPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return EmbeddedDefaultPostProcessor.ORDER - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("off".equals(environment.getProperty("civicdesk.test.harness"))) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("civicdeskTestServices", TestServices.get().properties()));
    }
}
