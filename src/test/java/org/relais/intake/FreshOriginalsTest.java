package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.TestClock;

/** The originals a poll has just stored, kept for their consumers within a bound of bytes and of time. */
class FreshOriginalsTest {

    private static final int BLOCK = FreshOriginals.BLOCK_BYTES;

    private final TestClock clock = new TestClock();
    private final FreshOriginals originals = new FreshOriginals(
            new IntakeProperties(500, 100, 16 << 20, 20 << 20, 200, 4, 10L * BLOCK, List.of("fr")), clock);

    @Test
    void anOriginalIsTakenOnceAndTheMailsBeyondTheBoundAreLeftToPostgreSql() {
        originals.hold(1, new byte[6 * BLOCK]);
        originals.hold(2, new byte[6 * BLOCK]);
        originals.hold(3, new byte[4 * BLOCK]);

        assertThat(originals.bytesHeld()).isEqualTo(10L * BLOCK);
        assertThat(originals.take(1)).get().extracting(bytes -> bytes.length).isEqualTo(6 * BLOCK);
        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.take(2)).as("beyond the bound when it came").isEmpty();
        assertThat(originals.take(3)).isPresent();
        assertThat(originals.bytesHeld()).isZero();
    }

    @Test
    void theBoundCountsEveryBlockAMailBegins() {
        originals.hold(1, new byte[6 * BLOCK + 1]);
        originals.hold(2, new byte[3 * BLOCK + 1]);

        assertThat(originals.take(2)).as("seven blocks and four are more than ten").isEmpty();
        assertThat(originals.take(1)).isPresent();
    }

    @Test
    void eachOriginalIsGivenBackByteForByteInBlocksThatOthersHeldBefore() {
        byte[] first = pattern(5 * BLOCK + 123, 7);
        byte[] second = pattern(3 * BLOCK - 5, 11);
        byte[] third = pattern(4 * BLOCK + 1, 13);
        byte[] fourth = pattern(17, 17);
        originals.hold(1, first);
        originals.hold(2, second);
        assertThat(originals.take(1)).get().isEqualTo(first);

        originals.hold(3, third);
        originals.hold(4, fourth);
        Arrays.fill(third, (byte) 0);

        assertThat(originals.take(2)).get().isEqualTo(second);
        assertThat(originals.take(3)).as("a copy, not the poll's array").get().isEqualTo(pattern(4 * BLOCK + 1, 13));
        assertThat(originals.take(4)).get().isEqualTo(fourth);
    }

    @Test
    void anOriginalNobodyTookWithinTheWaitIsLetGoAndMakesRoomForTheNextPoll() {
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        originals.hold(1, new byte[8 * BLOCK]);
        clock.set(Instant.parse("2026-12-03T10:00:00Z").plus(FreshOriginals.HELD_AT_MOST).plus(Duration.ofSeconds(1)));

        originals.hold(2, new byte[8 * BLOCK]);

        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.take(2)).isPresent();
    }

    @Test
    void anOriginalNobodyTookWithinTheWaitIsNotTakenLater() {
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        originals.hold(1, new byte[8 * BLOCK]);
        clock.set(Instant.parse("2026-12-03T10:00:00Z").plus(FreshOriginals.HELD_AT_MOST).plus(Duration.ofSeconds(1)));

        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.bytesHeld()).isZero();
    }

    @Test
    void aMailHeldTwiceIsCountedOnce() {
        originals.hold(1, new byte[6 * BLOCK]);
        originals.hold(1, new byte[6 * BLOCK]);

        assertThat(originals.bytesHeld()).isEqualTo(6L * BLOCK);
    }

    @Test
    void noBytesAreHeldWhenTheBoundIsBelowABlock() {
        FreshOriginals none = new FreshOriginals(
                new IntakeProperties(500, 100, 16 << 20, 20 << 20, 200, 4, BLOCK - 1, List.of("fr")), clock);

        none.hold(1, new byte[10]);

        assertThat(none.take(1)).isEmpty();
    }

    /** Bytes that differ from one position to the next and from one mail to another. */
    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * seed + i / 251);
        }
        return bytes;
    }
}
