package org.civicdesk.realtime;

import reactor.core.publisher.Mono;

/**
 * Handles SEND frames to one application destination. An error ends the client's connection with
 * an ERROR frame carrying the error's message, as STOMP requires; success earns the RECEIPT the
 * client asked for.
 */
@FunctionalInterface
public interface SendHandler {

    Mono<Void> handle(InboundSend send);
}
