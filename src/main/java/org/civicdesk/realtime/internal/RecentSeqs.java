package org.civicdesk.realtime.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The sequence numbers of one topic this instance delivered lately, so that a message delivered
 * again (an outbox recovering work it cannot tell was done, a catch-up overlapping what arrived
 * live) reaches none of its subscribers twice, while messages that arrive out of order (several
 * publishers) all pass. A fixed ring of numbers: a number older than the ring is let through, since
 * a repeat is harmless to clients, which drop a seq they have seen, and a loss is not.
 */
final class RecentSeqs {

    private static final int SIZE = 1024;

    // Slot seq % SIZE holds the newest number delivered with that remainder; 0 for none (numbers start at 1).
    // Lock-free: it is asked on event-loop threads.
    private final AtomicLongArray slots = new AtomicLongArray(SIZE);

    /** Whether this number is new here; it is remembered as delivered. */
    boolean firstTime(long seq) {
        int slot = (int) Math.floorMod(seq, (long) SIZE);
        while (true) {
            long held = slots.get(slot);
            if (held == seq) {
                return false;
            }
            if (held > seq || slots.compareAndSet(slot, held, seq)) {
                return true;
            }
        }
    }
}
