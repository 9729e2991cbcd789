package org.civicdesk.platform;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers for a component's {@code SmartLifecycle.stop()}, which runs on the closing thread. */
public final class Stopping {

    private Stopping() {
    }

    /**
     * Waits until the work in hand is done or the time is up (this blocks: for {@code stop()} only,
     * never on an event loop); returns whether it got done.
     */
    public static boolean awaitDone(BooleanSupplier done, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return done.getAsBoolean();
    }
}
