package org.civicdesk.platform.internal;

import java.time.Clock;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.civicdesk.platform.PlatformSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module reads time from (tests swap it), and the OpenAPI description. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "CivicDesk API", version = "v1",
        description = "民政通: appointments against crowding and broadcast to every unit of a civil-affairs bureau."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class PlatformConfiguration {

    @Bean
    Clock clock(PlatformSettings settings) {
        return Clock.system(settings.zone());
    }
}
