package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the loop guard on its own: what makes a mail look written by a robot, and what does not. */
class LoopRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");
    private static final String SENDER = "tulcea@relais.test";

    private final QuickReply quickReply = new QuickReply(Duration.ofMinutes(1));
    private final RepeatedContent repeatedContent = new RepeatedContent();
    private final PersonPace personPace = new PersonPace(Duration.ofSeconds(5));

    @Test
    void aReplyWrittenSecondsAfterTheHubsMailWentOutIsAQuickReply() {
        Arrival reply = mail(2, NOON.plusSeconds(4), "a");

        assertThat(quickReply.check(reply, history(List.of(), NOON))).contains(RobotSign.QUICK_REPLY);
    }

    @Test
    void aReplyWrittenMinutesAfterTheHubsMailIsAPersonsAnswer() {
        Arrival reply = mail(2, NOON.plus(Duration.ofMinutes(7)), "a");

        assertThat(quickReply.check(reply, history(List.of(), NOON))).isEmpty();
    }

    @Test
    void aMailThatAnswersNoMailOfTheHubIsNoQuickReply() {
        assertThat(quickReply.check(mail(2, NOON, "a"), history(List.of()))).isEmpty();
    }

    @Test
    void theSameSubjectAndContentAgainIsRepeated() {
        LoopRule.History earlier = history(List.of(mail(1, NOON.minus(Duration.ofMinutes(20)), "same")));

        assertThat(repeatedContent.check(mail(2, NOON, "same"), earlier)).contains(RobotSign.REPEATED);
        assertThat(repeatedContent.check(mail(2, NOON, "other"), earlier)).isEmpty();
    }

    @Test
    void aMailThatCouldNotBeReadIsNeverTakenForARepetition() {
        LoopRule.History earlier = history(List.of(mail(1, NOON, null)));

        assertThat(repeatedContent.check(mail(2, NOON, null), earlier)).isEmpty();
    }

    @Test
    void twoMailsWrittenSecondsApartAreFasterThanAPersonWhicheverCameFirst() {
        assertThat(personPace.check(mail(2, NOON.plusSeconds(2), "b"), history(List.of(mail(1, NOON, "a")))))
                .contains(RobotSign.PACE);
        assertThat(personPace.check(mail(1, NOON, "a"), history(List.of(mail(2, NOON.plusSeconds(2), "b")))))
                .contains(RobotSign.PACE);
    }

    @Test
    void filesSentOneByOneEveryFewSecondsAreAPersonsPace() {
        LoopRule.History earlier = history(List.of(mail(1, NOON, "a"), mail(2, NOON.plusSeconds(8), "b")));

        assertThat(personPace.check(mail(3, NOON.plusSeconds(16), "c"), earlier)).isEmpty();
    }

    private static Arrival mail(long id, Instant writtenAt, String fingerprint) {
        return new Arrival(id, SENDER, writtenAt, fingerprint, List.of());
    }

    private static LoopRule.History history(List<Arrival> earlier, Instant... answeredSentAt) {
        return new LoopRule.History(earlier, List.of(answeredSentAt));
    }
}
