package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.TestClock;

/** The originals a poll has just stored, kept for their consumers within a bound of bytes and of time. */
class FreshOriginalsTest {

    private final TestClock clock = new TestClock();
    private final FreshOriginals originals = new FreshOriginals(
            new IntakeProperties(500, 100, 16 << 20, 20 << 20, 200, 4, 10, List.of("fr")), clock);

    @Test
    void anOriginalIsTakenOnceAndTheMailsBeyondTheBoundAreLeftToPostgreSql() {
        originals.hold(1, new byte[6]);
        originals.hold(2, new byte[6]);
        originals.hold(3, new byte[4]);

        assertThat(originals.bytesHeld()).isEqualTo(10);
        assertThat(originals.take(1)).get().extracting(bytes -> bytes.length).isEqualTo(6);
        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.take(2)).as("beyond the bound when it came").isEmpty();
        assertThat(originals.take(3)).isPresent();
        assertThat(originals.bytesHeld()).isZero();
    }

    @Test
    void anOriginalNobodyTookWithinTheWaitIsLetGoAndMakesRoomForTheNextPoll() {
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        originals.hold(1, new byte[8]);
        clock.set(Instant.parse("2026-12-03T10:00:00Z").plus(FreshOriginals.HELD_AT_MOST).plus(Duration.ofSeconds(1)));

        originals.hold(2, new byte[8]);

        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.take(2)).isPresent();
    }

    @Test
    void anOriginalNobodyTookWithinTheWaitIsNotTakenLater() {
        clock.set(Instant.parse("2026-12-03T10:00:00Z"));
        originals.hold(1, new byte[8]);
        clock.set(Instant.parse("2026-12-03T10:00:00Z").plus(FreshOriginals.HELD_AT_MOST).plus(Duration.ofSeconds(1)));

        assertThat(originals.take(1)).isEmpty();
        assertThat(originals.bytesHeld()).isZero();
    }

    @Test
    void aMailHeldTwiceIsCountedOnce() {
        originals.hold(1, new byte[6]);
        originals.hold(1, new byte[6]);

        assertThat(originals.bytesHeld()).isEqualTo(6);
    }
}
