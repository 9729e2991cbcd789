package org.civicdesk.directory.internal;

import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.civicdesk.directory.StaffAccounts;
import org.civicdesk.directory.StaffRole;
import org.civicdesk.platform.Platform;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In external mode there are no demo accounts; the first command-group account is created from
 * {@code CIVICDESK_DIRECTORY_BOOTSTRAP_ADMIN_PASSWORD} when no account named {@code admin} exists.
 */
@Component
@Order(101)
class BootstrapAdmin implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(BootstrapAdmin.class);

    private final Platform platform;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final DirectorySettings settings;

    BootstrapAdmin(Platform platform, StaffAccounts accounts, PasswordEncoder passwords, DirectorySettings settings) {
        this.platform = platform;
        this.accounts = accounts;
        this.passwords = passwords;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = settings.bootstrapAdminPassword();
        if (platform.embedded() || password == null || password.isBlank()) {
            return;
        }
        // Start-up only.
        boolean exists = Boolean.TRUE.equals(accounts.findByUsername("admin").hasElement().block());
        if (!exists) {
            accounts.createIfAbsent("admin", "疫情防控指挥小组", passwords.encode(password), Set.of(StaffRole.ADMIN), null, false)
                    .block();
            log.info("Created the first command-group account 'admin' from the bootstrap password");
        }
    }
}
