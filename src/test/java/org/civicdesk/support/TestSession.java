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
                .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                // Lettuce counts the writers of a connection under a ReentrantLock held for a few
                // instructions; event-loop threads writing at the same instant may park for
                // microseconds (no I/O). BlockHound's error thrown from inside that park would leave
                // the lock's queue corrupt and hang the connection later (seen on close).
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                // ...and takes the same lock exclusively while it reconnects or closes.
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive")
                // Spring Data Redis hands out its one shared reactive connection under a lock on
                // every command; the connection itself is opened eagerly at start-up
                // (RedisConfiguration), so only that short lock remains.
                .allowBlockingCallsInside("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory",
                        "getSharedReactiveConnection")
                // ...and computes a Lua script's SHA-1 under a lock on every execution.
                .allowBlockingCallsInside("org.springframework.data.redis.core.script.DefaultRedisScript", "getSha1"));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (TestServices.started()) {
            TestServices.get().close();
        }
    }
}
