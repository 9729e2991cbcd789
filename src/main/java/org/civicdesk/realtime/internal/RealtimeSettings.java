package org.civicdesk.realtime.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The STOMP server's limits and timings.
 *
 * @param maxFrameSize        the largest STOMP frame a client may send (headers and body);
 *                            larger ones get an ERROR frame and the connection is closed
 * @param maxHeaders          the most headers one client frame may carry
 * @param maxSubscriptions    the most subscriptions one connection may hold
 * @param maxPendingFrames    messages that may wait for a slow client; one more and it gets an
 *                            ERROR frame ("slow consumer") and is disconnected, so that it never
 *                            holds up the others
 * @param overflowGrace       how long a disconnected slow client has to read its ERROR frame
 *                            before the socket is closed under it
 * @param heartbeatSend       the shortest interval at which the server sends heart-beats (the
 *                            {@code sx} of CONNECTED); the client's wish decides when longer
 * @param heartbeatReceive    the interval at which the server wants heart-beats from the client
 *                            (the {@code sy} of CONNECTED); silence for twice the negotiated
 *                            interval closes the connection
 * @param connectTimeout      how long a new WebSocket may wait before sending CONNECT
 * @param historyRetention    how long topic messages are kept for clients that reconnect
 * @param maxReplay           the most missed messages a reconnecting subscription is sent
 * @param liveUpdateCoalesce  live updates (seat counts) to one topic within this time are
 *                            merged, the latest winning; 0 sends each at once
 */
@ConfigurationProperties("civicdesk.realtime")
record RealtimeSettings(
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("64") int maxHeaders,
        @DefaultValue("100") int maxSubscriptions,
        @DefaultValue("1000") int maxPendingFrames,
        @DefaultValue("5s") Duration overflowGrace,
        @DefaultValue("1s") Duration heartbeatSend,
        @DefaultValue("10s") Duration heartbeatReceive,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("7d") Duration historyRetention,
        @DefaultValue("500") int maxReplay,
        @DefaultValue("200ms") Duration liveUpdateCoalesce) {
}
