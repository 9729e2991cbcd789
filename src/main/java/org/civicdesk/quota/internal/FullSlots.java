package org.civicdesk.quota.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.civicdesk.platform.DomainFailure;
import org.civicdesk.quota.DayFull;
import org.civicdesk.quota.SeatsChanged;
import org.civicdesk.quota.ServiceCode;
import org.civicdesk.quota.SlotFull;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the Redis gate just answered "full" for, remembered by this instance for a moment (one
 * second by default), so that a crowd on a full slot is answered from memory: no script, no
 * Redis round trip, none of the booking's checks. It only ever refuses, never grants: a seat is
 * still taken by the gate alone.
 * <p>
 * An answer is remembered with everything it depended on (the share of the slot released so far,
 * whether seats are held back, whether the request's channel may use them), so a new release
 * tranche or a different channel asks Redis again. Seats given back on this instance (a
 * cancellation, a lapsed hold, more capacity) are offered at once; on another instance, at the
 * latest when the memory runs out. A retry
 * of a request that got a seat is never refused: the answer carries the idempotency keys that
 * took a seat on that day, and a request under one of them goes to the gate, which replays it.
 */
@Component
class FullSlots {

    /** What a full answer depended on. */
    record Key(ServiceCode service, LocalDate date, LocalTime start, int share, boolean reserveActive, boolean reserveChannel) {
    }

    private record Full(boolean day, Set<String> scopes, long until) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Map<Key, Full> full = new ConcurrentHashMap<>();
    private final long memoryNanos;
    private final LongSupplier nanos;

    @Autowired
    FullSlots(QuotaSettings settings) {
        this(settings.fullMemory(), System::nanoTime);
    }

    FullSlots(Duration memory, LongSupplier nanos) {
        this.memoryNanos = memory.toNanos();
        this.nanos = nanos;
    }

    /** The refusal for a request, when this slot (or its day) was found full a moment ago; otherwise null. */
    @Nullable DomainFailure refusal(Key key, @Nullable String idempotencyKey) {
        Full found = full.get(key);
        if (found == null) {
            return null;
        }
        if (nanos.getAsLong() - found.until() > 0) {
            full.remove(key, found);
            return null;
        }
        if (idempotencyKey != null && found.scopes().contains(idempotencyKey)) {
            return null;
        }
        return found.day() ? new DayFull(key.date()) : new SlotFull(key.date(), key.start());
    }

    /** Whether the gate should send the day's idempotency keys with a full answer (nothing remembered yet). */
    boolean wants(Key key) {
        if (memoryNanos <= 0) {
            return false;
        }
        Full found = full.get(key);
        return found == null || nanos.getAsLong() - found.until() > 0;
    }

    /** Remembers a full answer that came with the day's idempotency keys. */
    void remember(Key key, boolean day, Set<String> scopes) {
        if (memoryNanos <= 0) {
            return;
        }
        long now = nanos.getAsLong();
        if (full.size() >= MAX_ENTRIES) {
            full.values().removeIf(entry -> now - entry.until() > 0);
            if (full.size() >= MAX_ENTRIES) {
                full.clear();
            }
        }
        full.put(key, new Full(day, Set.copyOf(scopes), now + memoryNanos));
    }

    /** Seats of a day changed here (a booking, a cancellation, a new capacity): ask Redis again. */
    void forget(ServiceCode service, LocalDate date) {
        full.keySet().removeIf(key -> key.service() == service && key.date().equals(date));
    }

    /**
     * Seats of a slot changed on this instance. A seat taken cannot make a full slot bookable, so
     * only a change that leaves seats is news: the slot's "full" is forgotten when it has seats
     * again, the day's when the day has; what channels that may use held-back seats were told is
     * forgotten on any change of the day. (In a rush, every booking written used to forget the
     * whole day, so while the first seats were being written most of the crowd went to Redis.)
     */
    @EventListener
    void on(SeatsChanged changed) {
        full.entrySet().removeIf(entry -> {
            Key key = entry.getKey();
            if (key.service() != changed.service() || !key.date().equals(changed.date())) {
                return false;
            }
            if (key.reserveChannel()) {
                return true;
            }
            return entry.getValue().day() ? changed.dayRemaining() > 0
                    : key.start().equals(changed.slotStart()) && changed.remaining() > 0;
        });
    }

    int size() {
        return full.size();
    }
}
