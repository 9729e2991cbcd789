/**
 * Knows the bureau's units (sections, secondary units, elderly-care homes, the funeral home and
 * the marriage registry), their duty contacts, and the staff accounts.
 */
@NullMarked
package org.civicdesk.directory;

import org.jspecify.annotations.NullMarked;
