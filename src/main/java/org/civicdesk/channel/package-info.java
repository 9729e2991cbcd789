/**
 * Turns texts, calls and chats into booking commands and replies: one conversation engine shared
 * by Twilio SMS, Twilio Voice and the WeChat official account, with each channel's webhook and
 * signature checks.
 */
@NullMarked
package org.civicdesk.channel;

import org.jspecify.annotations.NullMarked;
