package org.relais.mail;

import java.util.Optional;

/**
 * The same subject and content as another mail of the sender within the hour: a robot sends the same mail again and
 * again. A person sending files one by one with the same words sends different files, so different content.
 */
record RepeatedContent() implements LoopRule {

    @Override
    public Optional<RobotSign> check(Arrival arrival, History history) {
        return arrival.fingerprint() != null && history.earlier().stream()
                .anyMatch(other -> arrival.fingerprint().equals(other.fingerprint()))
                ? Optional.of(RobotSign.REPEATED) : Optional.empty();
    }
}
