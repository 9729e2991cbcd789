package org.civicdesk.realtime;

import java.util.ArrayList;
import java.util.List;

import org.civicdesk.CivicDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One more instance of the whole service in the test JVM, on its own port and with its own name,
 * sharing this run's PostgreSQL, Redis and fake Twilio (the harness configures every application
 * started here), as a second node behind the load balancer would.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private AnotherInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance; {@code settings} are extra {@code --name=value} arguments. */
    public static AnotherInstance start(String name, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--civicdesk.platform.instance-id=" + name
                + "-" + System.nanoTime(), "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        return new AnotherInstance(new SpringApplicationBuilder(CivicDeskApplication.class, OwnEventLoops.class)
                .run(args.toArray(String[]::new)));
    }

    /**
     * Netty event loops of this instance's own. By default every Spring application in a JVM
     * shares Reactor Netty's global loops, and closing one disposes them under the others.
     */
    @Configuration(proxyBeanMethods = false)
    public static class OwnEventLoops {

        @Bean
        public ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port()).build();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean running() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
