package org.relais.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a member hears of an event, by the hub's clock: at once after a quiet period, else gathered. */
class NoticePaceTest {

    private static final Instant NINE = Instant.parse("2009-11-16T09:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theFirstEventAMemberHearsOfIsToldAtOnce() {
        assertThat(paceAt(NINE).gatherUntil(Optional.empty(), Optional.empty())).isEmpty();
    }

    @Test
    void anEventWithinTheWindowAfterTheLastNoticeWaitsUntilTheWindowHasPassed() {
        Optional<Instant> until = paceAt(NINE.plusSeconds(10)).gatherUntil(Optional.of(NINE), Optional.empty());

        assertThat(until).contains(NINE.plus(MINUTE));
    }

    @Test
    void anEventJoinsTheEventsAlreadyGatheredAndTheirNoticeKeepsItsTime() {
        Optional<Instant> due = Optional.of(NINE.plus(MINUTE));

        assertThat(paceAt(NINE.plusSeconds(59)).gatherUntil(Optional.of(NINE), due)).isEqualTo(due);
        assertThat(paceAt(NINE.plusSeconds(75)).gatherUntil(Optional.of(NINE), due))
                .as("the notice is due but not written yet: the event goes with it").isEqualTo(due);
    }

    @Test
    void anEventAWindowOrMoreAfterTheLastNoticeOpensAQuietPeriodAndIsToldAtOnce() {
        assertThat(paceAt(NINE.plus(MINUTE)).gatherUntil(Optional.of(NINE), Optional.empty())).isEmpty();
        assertThat(paceAt(NINE.plusSeconds(3600)).gatherUntil(Optional.of(NINE), Optional.empty())).isEmpty();
    }

    @Test
    void aBurstOfEventsEverySecondForThreeMinutesIsToldInFourNotices() {
        Optional<Instant> lastTold = Optional.empty();
        Optional<Instant> gathering = Optional.empty();
        int notices = 0;
        for (int second = 0; second < 180; second++) {
            NoticePace pace = paceAt(NINE.plusSeconds(second));
            // the timer writes the gathered notice once it is due, before the event of that second arrives
            if (gathering.filter(pace::isDue).isPresent()) {
                notices++;
                lastTold = Optional.of(pace.now());
                gathering = Optional.empty();
            }
            Optional<Instant> until = pace.gatherUntil(lastTold, gathering);
            if (until.isEmpty()) {
                notices++;
                lastTold = Optional.of(pace.now());
            }
            gathering = until;
        }
        NoticePace afterTheBurst = paceAt(NINE.plusSeconds(240));
        assertThat(gathering.filter(afterTheBurst::isDue)).as("the last events go in a notice of their own")
                .isPresent();

        assertThat(notices + 1).as("at once, then one notice a minute").isEqualTo(4);
    }

    @Test
    void aNoticeStampedAheadOfThisInstancesClockCountsFromNow() {
        Optional<Instant> until = paceAt(NINE).gatherUntil(Optional.of(NINE.plusSeconds(30)), Optional.empty());

        assertThat(until).contains(NINE.plus(MINUTE));
    }

    private static NoticePace paceAt(Instant now) {
        return new NoticePace(Clock.fixed(now, ZoneOffset.UTC),
                new NotificationProperties("follow-up-group", MINUTE, 1000));
    }
}
