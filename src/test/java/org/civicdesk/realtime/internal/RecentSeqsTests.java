package org.civicdesk.realtime.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A number delivered again is dropped; numbers out of order, and numbers too old to remember, pass. */
class RecentSeqsTests {

    private final RecentSeqs seqs = new RecentSeqs();

    @Test
    void aRepeatIsDroppedAndOutOfOrderNumbersPass() {
        assertThat(seqs.firstTime(5)).isTrue();
        assertThat(seqs.firstTime(3)).isTrue();
        assertThat(seqs.firstTime(4)).isTrue();
        assertThat(seqs.firstTime(5)).isFalse();
        assertThat(seqs.firstTime(3)).isFalse();
    }

    @Test
    void aNumberOlderThanTheRingIsLetThroughRatherThanLost() {
        assertThat(seqs.firstTime(1)).isTrue();
        assertThat(seqs.firstTime(1 + 1024)).isTrue();
        // Its slot now holds the newer number: a late 1 passes (clients drop a seq they have seen).
        assertThat(seqs.firstTime(1)).isTrue();
        assertThat(seqs.firstTime(1 + 1024)).isFalse();
    }
}
