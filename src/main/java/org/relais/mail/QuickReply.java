package org.relais.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * A reply to one of the hub's own mails, written sooner after that mail went out than {@code delay}: an
 * auto-responder answers within seconds. A person may too, once (a corrected file sent at once after the
 * acknowledgment): one sign alone never makes a robot.
 */
record QuickReply(Duration delay) implements LoopRule {

    @Override
    public Optional<RobotSign> check(Arrival arrival, History history) {
        return history.answeredSentAt().stream().anyMatch(sent -> arrival.writtenAt().isBefore(sent.plus(delay)))
                ? Optional.of(RobotSign.QUICK_REPLY) : Optional.empty();
    }
}
