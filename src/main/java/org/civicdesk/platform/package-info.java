/**
 * Runs the service: the embedded PostgreSQL and Redis default, RFC 9457 errors, the security
 * filter chain, OpenAPI, metrics, the clock and small shared helpers every module uses.
 */
@NullMarked
package org.civicdesk.platform;

import org.jspecify.annotations.NullMarked;
