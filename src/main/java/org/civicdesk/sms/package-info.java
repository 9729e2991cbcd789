/**
 * Sends every outbound SMS through the Twilio SDK: one paced sender shared by all instances, the
 * message log and outbox in PostgreSQL, Twilio's delivery statuses, retries and opt-outs.
 */
@NullMarked
package org.civicdesk.sms;

import org.jspecify.annotations.NullMarked;
