package org.civicdesk.channel.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the engine says back, before a channel renders it: a text message, a WeChat reply, or
 * speech with a keypad/speech prompt.
 *
 * @param text   the words
 * @param next   whether the conversation goes on, ends, or (by phone) is put through to someone
 * @param expect for a call: what input to gather next
 * @param dial   for {@link Next#DIAL}: the number to put the caller through to
 */
public record Reply(String text, Next next, Expect expect, @Nullable String dial) {

    /** What happens after the reply. */
    public enum Next {
        CONTINUE, END, DIAL
    }

    /** The input a call gathers next. */
    public enum Expect {
        /** One key (a menu choice). */
        KEY,
        /** Keys until # (a date, an ID number, a slot number above 9). */
        KEYS,
        /** Speech (a name). */
        SPEECH,
        /** Nothing: the call ends or is put through. */
        NONE
    }

    public static Reply ask(String text, Expect expect) {
        return new Reply(text, Next.CONTINUE, expect, null);
    }

    public static Reply say(String text) {
        return new Reply(text, Next.CONTINUE, Expect.KEY, null);
    }

    public static Reply end(String text) {
        return new Reply(text, Next.END, Expect.NONE, null);
    }

    public static Reply dial(String text, String number) {
        return new Reply(text, Next.DIAL, Expect.NONE, number);
    }
}
