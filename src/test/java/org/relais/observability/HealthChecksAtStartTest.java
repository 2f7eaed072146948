package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** HealthChecksAtStart: every check runs once as the hub starts, off the thread that starts it. */
class HealthChecksAtStartTest {

    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Test
    void everyHealthCheckRunsOnceOnAThreadOfItsOwnAsTheHubStarts() {
        new HealthChecksAtStart(List.of(check(), check())).afterSingletonsInstantiated();

        await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 2);
        assertThat(threads).hasSize(2).containsOnly("health-checks-at-start");
    }

    private HealthIndicator check() {
        return () -> {
            threads.add(Thread.currentThread().getName());
            return Health.up().build();
        };
    }
}
