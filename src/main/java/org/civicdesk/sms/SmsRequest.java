package org.civicdesk.sms;

import org.jspecify.annotations.Nullable;

/**
 * One message to send.
 *
 * @param to             the recipient in E.164
 * @param body           the text
 * @param purpose        why it is sent
 * @param idempotencyKey a key that makes sending it again do nothing, such as
 *                       {@code notice:42:+8613800138000}; {@code null} for none
 * @param sensitive      whether the body holds a secret (a code): it is then never logged and
 *                       blanked in the log once sent
 * @param essential      whether it is sent even to someone who opted out (codes, booking
 *                       confirmations); notices and marketing-like messages are not essential
 */
public record SmsRequest(String to, String body, SmsPurpose purpose, @Nullable String idempotencyKey,
        boolean sensitive, boolean essential) {

    /** An essential, non-sensitive message. */
    public static SmsRequest of(String to, String body, SmsPurpose purpose, @Nullable String idempotencyKey) {
        return new SmsRequest(to, body, purpose, idempotencyKey, false, true);
    }
}
