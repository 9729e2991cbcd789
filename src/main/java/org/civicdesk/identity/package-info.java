/**
 * Knows who is calling: staff sign in with a password and get a signed, expiring token;
 * citizens prove their phone with a one-time SMS code and get a token bound to that phone.
 */
@NullMarked
package org.civicdesk.identity;

import org.jspecify.annotations.NullMarked;
