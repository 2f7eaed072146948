package org.relais.mail;

import java.time.Duration;
import java.util.Optional;

/**
 * Written less than {@code pace} before or after another mail of the same sender: faster than a person writes. Judged
 * by when each mail was written, not when it came, so that a person's outbox sent at once after a journey, or a
 * backlog the hub reads after a pause, is not taken for a robot.
 */
record PersonPace(Duration pace) implements LoopRule {

    @Override
    public Optional<RobotSign> check(Arrival arrival, History history) {
        return history.earlier().stream()
                .anyMatch(other -> Duration.between(other.writtenAt(), arrival.writtenAt()).abs().compareTo(pace) < 0)
                ? Optional.of(RobotSign.PACE) : Optional.empty();
    }
}
