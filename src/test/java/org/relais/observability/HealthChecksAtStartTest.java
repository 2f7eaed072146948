package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spring.boot.actuate.health.liveness.CamelLivenessStateHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * HealthChecksAtStart: each check runs once as the hub starts, off the thread that starts it; Camel's, which warn of a
 * context not started yet, are left to the first request.
 */
class HealthChecksAtStartTest {

    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Test
    void eachHealthCheckRunsOnceOnAThreadOfItsOwnAsTheHubStarts() {
        new HealthChecksAtStart(List.of(check(), check())).afterSingletonsInstantiated();

        await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 2);
        assertThat(threads).hasSize(2).containsOnly("health-checks-at-start");
    }

    @Test
    void camelsChecksAreLeftToTheFirstRequest() {
        HealthIndicator camels = new CamelLivenessStateHealthIndicator(new ApplicationAvailabilityBean(),
                new DefaultCamelContext());
        HealthIndicator database = check();

        assertThat(new HealthChecksAtStart(List.of(camels, database)).checks()).containsExactly(database);
    }

    private HealthIndicator check() {
        return () -> {
            threads.add(Thread.currentThread().getName());
            return Health.up().build();
        };
    }
}
