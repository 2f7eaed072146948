package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Failed logins lock a user name or an address for a delay that grows with each further failure. */
class LoginAttemptsTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final LoginAttempts attempts = new LoginAttempts(new ConsoleProperties.LoginThrottle(3, 10,
            Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theDelayAfterTheAllowedFailuresDoublesWithEachFurtherFailureUpToTheMaximum() {
        attempts.failed("coordinator", "198.51.100.7");
        attempts.failed("coordinator", "198.51.100.7");
        assertThat(attempts.waitBefore("coordinator", "198.51.100.7")).as("two mistakes cost nothing").isEmpty();

        attempts.failed("coordinator", "198.51.100.7");
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).hasValue(Duration.ofSeconds(5));
        now = now.plusSeconds(5);
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).isEmpty();

        assertThat(attempts.failed("coordinator", "203.0.113.1")).isEqualTo(4);
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).hasValue(Duration.ofSeconds(10));
        now = now.plusSeconds(10);
        attempts.failed("coordinator", "203.0.113.1");
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).hasValue(Duration.ofSeconds(20));
        for (int i = 0; i < 10; i++) {
            now = now.plusSeconds(1000);
            attempts.failed("coordinator", "203.0.113.1");
        }
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).hasValue(Duration.ofMinutes(15));
    }

    @Test
    void oneAddressTryingManyNamesIsLockedForEveryNameButOthersAreNot() {
        for (int i = 0; i < 10; i++) {
            attempts.failed("name-" + i, "198.51.100.7");
        }

        assertThat(attempts.waitBefore("coordinator", "198.51.100.7")).hasValue(Duration.ofSeconds(5));
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).isEmpty();
        assertThat(attempts.waitBefore("name-1", "203.0.113.1")).isEmpty();
    }

    @Test
    void aSuccessClearsTheUserNameAndOldFailuresAreForgotten() {
        for (int i = 0; i < 3; i++) {
            attempts.failed("observer", "198.51.100.7");
        }
        attempts.succeeded("observer");
        assertThat(attempts.waitBefore("observer", "203.0.113.1")).isEmpty();

        for (int i = 0; i < 3; i++) {
            attempts.failed("coordinator", "203.0.113.1");
        }
        now = now.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(attempts.failed("coordinator", "203.0.113.1")).as("counted anew").isEqualTo(1);
        assertThat(attempts.waitBefore("coordinator", "203.0.113.1")).isEmpty();
    }
}
