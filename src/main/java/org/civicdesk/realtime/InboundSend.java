package org.civicdesk.realtime;

import java.util.Map;

import org.civicdesk.identity.Caller;

/**
 * A SEND frame a client addressed to the application ({@code /app/…}).
 *
 * @param caller      who sent it
 * @param destination where, such as {@code /app/notices/42/ack}
 * @param variables   the values of the pattern's variables, such as {@code id → 42}
 * @param headers     the frame's headers (the first value of each)
 * @param body        the body, as UTF-8 text
 */
public record InboundSend(Caller caller, String destination, Map<String, String> variables, Map<String, String> headers,
        String body) {

    public InboundSend {
        variables = Map.copyOf(variables);
        headers = Map.copyOf(headers);
    }
}
