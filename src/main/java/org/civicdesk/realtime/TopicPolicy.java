package org.civicdesk.realtime;

import java.util.Set;

import org.civicdesk.identity.Caller;
import org.jspecify.annotations.Nullable;

/**
 * Who may subscribe to a destination and who receives a message addressed to some units only.
 * The module that owns a destination declares its policy with {@link Realtime#declare}.
 */
public interface TopicPolicy {

    /** Anyone, signed in or not (the booking page's live seat counts). */
    TopicPolicy PUBLIC = caller -> true;

    /** Anyone signed in. */
    TopicPolicy SIGNED_IN = caller -> caller != null;

    /** Whether this caller ({@code null}: not signed in) may subscribe. */
    boolean maySubscribe(@Nullable Caller caller);

    /**
     * Whether a subscriber receives a message meant for some units only: by default a member of
     * one of them.
     */
    default boolean receives(@Nullable Caller caller, Set<Long> unitIds) {
        return caller != null && caller.unitId() != null && unitIds.contains(caller.unitId());
    }
}
