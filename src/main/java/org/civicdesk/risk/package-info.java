/**
 * Knows the risk level the district and each unit work at (normal, sporadic local cases, high)
 * and the policy profile each level applies: capacity, companions, suspended services, visits
 * to elderly-care homes, and the guideline every kind of unit follows.
 */
@NullMarked
package org.civicdesk.risk;

import org.jspecify.annotations.NullMarked;
