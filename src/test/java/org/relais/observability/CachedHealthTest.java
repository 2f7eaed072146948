package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A health check that logs in to a server runs once per period, however often health is asked. */
class CachedHealthTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
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
    };

    @Test
    void theCheckRunsAgainOnlyOnceItsResultIsOlderThanItsTimeToLive() {
        AtomicInteger logins = new AtomicInteger();
        CachedHealth health = new CachedHealth(() -> Health.status(logins.incrementAndGet() == 2 ? Status.DOWN
                : Status.UP).withDetail("location", "imap://mail:993").build(), Duration.ofSeconds(10), clock);

        Health first = health.health();
        now = now.plusSeconds(9);
        Health within = health.health();
        now = now.plusSeconds(1);
        Health after = health.health();

        assertThat(logins).hasValue(2);
        assertThat(within).isSameAs(first);
        assertThat(first.getStatus()).isEqualTo(Status.UP);
        assertThat(first.getDetails()).containsEntry("location", "imap://mail:993")
                .containsEntry("checkedAt", "2026-12-01T10:00:00Z");
        assertThat(after.getStatus()).isEqualTo(Status.DOWN);
        assertThat(after.getDetails()).containsEntry("checkedAt", "2026-12-01T10:00:10Z");
    }
}
