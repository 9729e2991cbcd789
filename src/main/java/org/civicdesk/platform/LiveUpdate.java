package org.civicdesk.platform;

/**
 * Something to push live to every subscriber of a STOMP topic, on every instance, published as
 * an application event by whichever module has news (remaining seats, say). The realtime module
 * delivers it; the publisher need not know that module.
 *
 * @param destination the topic, such as {@code /topic/availability.MARRIAGE_REGISTRATION}
 * @param payload     the message body, written as JSON
 */
public record LiveUpdate(String destination, Object payload) {
}
