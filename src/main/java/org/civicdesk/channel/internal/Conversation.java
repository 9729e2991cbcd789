package org.civicdesk.channel.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where one conversation stands, kept in Redis between messages (and between a call's keypresses).
 * Mutable on purpose: each step updates it and the engine writes it back.
 */
public final class Conversation {

    /** The step the conversation waits at. */
    public enum Step {
        IDLE, MENU, BIND_CODE, FUNERAL_SERVICE, DATE, SLOT, PARTY_NAME, PARTY_ID, DECEASED_NAME, SPECIAL_HANDLING,
        APPLICANT_NAME, COMPANIONS, DECLARATION, CONFIRM
    }

    /** A slot offered by number. */
    public record Offered(int number, LocalDate date, String start, String end) {
    }

    /** A party collected so far. */
    public record PartyInput(String name, @Nullable String idNumber) {
    }

    public Step step = Step.IDLE;
    public int retries;
    public @Nullable String service;
    public @Nullable LocalDate date;
    public @Nullable String slotStart;
    public List<Offered> offered = new ArrayList<>();
    public @Nullable String holdCode;
    public List<PartyInput> parties = new ArrayList<>();
    public @Nullable String deceasedName;
    public @Nullable Boolean specialHandling;
    public @Nullable String applicantName;
    public int companions;
    public List<String> travel = new ArrayList<>();
    public @Nullable String bindPhone;
    public int turn;
    public @Nullable String lastPrompt;
    public Reply.@Nullable Expect lastExpect;

    /** Back to the start, keeping nothing of a booking in progress. */
    public void reset() {
        step = Step.IDLE;
        retries = 0;
        service = null;
        date = null;
        slotStart = null;
        offered = new ArrayList<>();
        holdCode = null;
        parties = new ArrayList<>();
        deceasedName = null;
        specialHandling = null;
        applicantName = null;
        companions = 0;
        travel = new ArrayList<>();
        bindPhone = null;
    }
}
