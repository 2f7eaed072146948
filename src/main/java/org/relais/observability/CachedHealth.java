package org.relais.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A check that logs in to a server, run at most once per {@code timeToLive}: the health endpoint answers anyone, and
 * a stranger calling it in a loop must not make the hub log in to its mail server each time. Callers that come while
 * a check runs wait for it and share its result. The result carries when it was checked.
 */
final class CachedHealth implements HealthIndicator {

    private final HealthIndicator check;
    private final Duration timeToLive;
    private final Clock clock;
    private Health last;
    private Instant checkedAt;

    CachedHealth(HealthIndicator check, Duration timeToLive, Clock clock) {
        this.check = check;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(checkedAt.plus(timeToLive))) {
            Health checked = check.health();
            checkedAt = now;
            last = Health.status(checked.getStatus()).withDetails(checked.getDetails())
                    .withDetail("checkedAt", now.toString()).build();
        }
        return last;
    }
}
