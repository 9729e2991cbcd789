package org.civicdesk.directory.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the directory.
 *
 * @param demoPassword the password of the demo accounts in the embedded default
 *                     ({@code CIVICDESK_DEMO_PASSWORD}, otherwise generated at first start)
 * @param bootstrapAdminPassword in external mode, the password of an {@code admin} account created
 *                     at start-up when none exists
 */
@ConfigurationProperties("civicdesk.directory")
record DirectorySettings(@Nullable String demoPassword, @Nullable String bootstrapAdminPassword) {
}
