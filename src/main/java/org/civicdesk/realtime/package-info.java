/**
 * Pushes messages live to browsers and boards: a STOMP 1.2 server on WebFlux at
 * {@code /ws/stomp}, its topics and per-user queues, the relay between instances through Redis
 * and the history that lets a reconnecting client catch up.
 */
@NullMarked
package org.civicdesk.realtime;

import org.jspecify.annotations.NullMarked;
