package org.civicdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CivicDesk (民政通): appointments against crowding and broadcast to every unit of a
 * district civil-affairs bureau, in one non-blocking service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "platform")
public class CivicDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CivicDeskApplication.class, args);
    }
}
