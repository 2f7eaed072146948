package org.relais.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed console logins in a row, per user name and per client address, and how long each must wait before its next
 * attempt: nothing for the first failures, then a delay that doubles with each further failure. Kept in memory: each
 * hub instance counts its own attempts. Unknown user names are counted like real ones, so that a refusal tells
 * nothing about which names exist; the counts are bounded, so that made-up names cannot fill the memory.
 */
final class LoginAttempts {

    /** Beyond this many names or addresses, those whose failures are old or still too few to matter are dropped. */
    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final ConsoleProperties.LoginThrottle properties;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginAttempts(ConsoleProperties.LoginThrottle properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this user name or address must still wait; empty when it may try now. */
    Optional<Duration> waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(byUser.get(user), properties.failuresPerUser(), now),
                remaining(byAddress.get(address), properties.failuresPerAddress(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failure; returns the number of failures in a row for this user name. */
    int failed(String user, String address) {
        Instant now = clock.instant();
        forgetIfFull(byUser, properties.failuresPerUser(), now);
        forgetIfFull(byAddress, properties.failuresPerAddress(), now);
        byAddress.compute(address, (key, failures) -> next(failures, now));
        return byUser.compute(user, (key, failures) -> next(failures, now)).count();
    }

    void succeeded(String user) {
        byUser.remove(user);
    }

    private Failures next(Failures failures, Instant now) {
        return failures == null || isForgotten(failures, now) ? new Failures(1, now)
                : new Failures(failures.count() + 1, now);
    }

    private Duration remaining(Failures failures, int allowed, Instant now) {
        if (failures == null || failures.count() < allowed || isForgotten(failures, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - allowed, 30);
        Duration delay = properties.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(properties.maxDelay()) > 0) {
            delay = properties.maxDelay();
        }
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private boolean isForgotten(Failures failures, Instant now) {
        return failures.last().plus(properties.forgetAfter()).isBefore(now);
    }

    private void forgetIfFull(Map<String, Failures> failures, int allowed, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(entry -> isForgotten(entry, now) || entry.count() < allowed);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
