package org.civicdesk.channel.internal;

import org.civicdesk.quota.Channel;

/** The three ways a conversation reaches us; they differ only in reading input and rendering replies. */
public enum ChannelKind {
    SMS(Channel.SMS),
    WECHAT(Channel.WECHAT),
    VOICE(Channel.PHONE);

    private final Channel bookingChannel;

    ChannelKind(Channel bookingChannel) {
        this.bookingChannel = bookingChannel;
    }

    /** The channel a booking made here is recorded with (a call books as PHONE). */
    public Channel bookingChannel() {
        return bookingChannel;
    }
}
