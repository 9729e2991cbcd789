/**
 * Reaches every unit of the bureau and knows who has read it: notices and their audiences, the
 * delivery outbox (STOMP to connected members, SMS to duty contacts), acknowledgements,
 * escalation by SMS after the deadline, the risk-level notices, CAP and Atom for the public.
 */
@NullMarked
package org.civicdesk.broadcast;

import org.jspecify.annotations.NullMarked;
