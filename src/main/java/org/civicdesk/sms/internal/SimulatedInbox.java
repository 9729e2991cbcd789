package org.civicdesk.sms.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.civicdesk.sms.SmsPurpose;
import org.springframework.stereotype.Component;

/**
 * The last simulated messages, whole, in memory only: in the embedded default there is no
 * Twilio, so this is where a person trying CivicDesk reads the code they were "sent". Never
 * written to a log or the database, and not reachable outside the embedded default.
 */
@Component
class SimulatedInbox {

    private static final int CAPACITY = 200;

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** A message as its recipient would have read it. */
    record Entry(long id, String to, String body, SmsPurpose purpose, Instant at) {
    }

    synchronized void add(Entry entry) {
        entries.addFirst(entry);
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    synchronized List<Entry> forPhone(String phone, int limit) {
        return entries.stream().filter(e -> e.to().equals(phone)).limit(limit).toList();
    }
}
