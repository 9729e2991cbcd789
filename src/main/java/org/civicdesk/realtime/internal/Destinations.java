package org.civicdesk.realtime.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civicdesk.realtime.SendHandler;
import org.civicdesk.realtime.TopicPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;

/**
 * Which destinations exist, who may subscribe to each, and who handles SEND frames to the
 * application. A destination not declared here does not exist for clients. The live topics that
 * modules feed through {@code LiveUpdate} without knowing this module are declared here too.
 */
@Component
public class Destinations {

    /** Where personal queues live: a subscriber receives only messages sent to its own user. */
    static final String USER_PREFIX = "/user/";

    private final Map<String, TopicPolicy> exact = new ConcurrentHashMap<>();
    private final Map<String, TopicPolicy> prefixes = new ConcurrentHashMap<>();
    private final Map<String, SendHandler> handlers = new ConcurrentHashMap<>();
    private final AntPathMatcher matcher = new AntPathMatcher();

    Destinations() {
        // Fed by LiveUpdate events from modules that do not know this one; public by nature.
        declare("/topic/availability.*", TopicPolicy.PUBLIC);
        declare("/topic/risk-level", TopicPolicy.PUBLIC);
    }

    /** A destination, or every destination starting with a prefix when it ends with {@code *}. */
    public void declare(String destination, TopicPolicy policy) {
        if (destination.endsWith("*")) {
            prefixes.put(destination.substring(0, destination.length() - 1), policy);
        }
        else {
            exact.put(destination, policy);
        }
    }

    public void handle(String pattern, SendHandler handler) {
        handlers.put(pattern, handler);
    }

    @Nullable TopicPolicy policy(String destination) {
        TopicPolicy policy = exact.get(destination);
        if (policy != null) {
            return policy;
        }
        for (Map.Entry<String, TopicPolicy> prefix : prefixes.entrySet()) {
            String name = destination.substring(Math.min(prefix.getKey().length(), destination.length()));
            if (destination.startsWith(prefix.getKey()) && !name.isEmpty() && name.matches("[A-Za-z0-9_.-]{1,64}")) {
                return prefix.getValue();
            }
        }
        return null;
    }

    /** The handler of a SEND destination with the pattern's variables, or {@code null}. */
    @Nullable Route route(String destination) {
        for (Map.Entry<String, SendHandler> entry : handlers.entrySet()) {
            if (matcher.match(entry.getKey(), destination)) {
                return new Route(entry.getValue(), matcher.extractUriTemplateVariables(entry.getKey(), destination));
            }
        }
        return null;
    }

    static boolean personal(String destination) {
        return destination.startsWith(USER_PREFIX);
    }

    /** A SEND handler and the values of its pattern's variables. */
    record Route(SendHandler handler, Map<String, String> variables) {
    }
}
