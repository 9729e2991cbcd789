package org.civicdesk.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import reactor.blockhound.BlockHound;

/**
 * Once per test JVM: installs BlockHound, so that any blocking call on a non-blocking thread
 * fails the test that made it, and at the end removes this run's database.
 */
public class TestSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlockHound.install(builder -> builder
                // Reading /dev/urandom for a random number never blocks once the kernel's pool is
                // seeded (always, on a running machine): token ids, one-time codes, UUIDs.
                .allowBlockingCallsInside("java.security.SecureRandom", "nextBytes")
                .allowBlockingCallsInside("java.util.UUID", "randomUUID"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (TestServices.started()) {
            TestServices.get().close();
        }
    }
}
