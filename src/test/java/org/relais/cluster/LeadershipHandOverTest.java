package org.relais.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instance giving up the lead stops its singleton routes within seconds even when they are stuck (waiting for a
 * database that went away), so that the lead passes on, or comes back to it, as soon as PostgreSQL allows.
 */
class LeadershipHandOverTest extends HubTest {

    /** A lock of these tests' own, beside the running hub's. */
    private static final ClusterProperties CLUSTER = new ClusterProperties(4_2424_2424L, Duration.ofMillis(100));

    @Autowired
    DataSource dataSource;

    @Test
    void anInstanceLeavingWithThreeSingletonRoutesStuckHandsTheLeadOverWithinSeconds() throws Exception {
        CountDownLatch stuck = new CountDownLatch(3);
        CountDownLatch released = new CountDownLatch(1);
        try (DefaultCamelContext first = withStuckSingletons(stuck, released);
             DefaultCamelContext second = withStuckSingletons(new CountDownLatch(3), released)) {
            Leadership leaving = new Leadership(dataSource, first, CLUSTER);
            leaving.start();
            await().atMost(Duration.ofSeconds(5)).until(leaving::isLeader);
            assertThat(stuck.await(5, TimeUnit.SECONDS)).as("the three routes are stuck in their step").isTrue();
            Leadership taking = new Leadership(dataSource, second, CLUSTER);
            taking.start();

            long start = System.nanoTime();
            leaving.stop();
            Duration handedOver = Duration.ofNanos(System.nanoTime() - start);

            assertThat(handedOver).isLessThan(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(2)).until(taking::isLeader);
            released.countDown();
            taking.stop();
        } finally {
            released.countDown();
        }
    }

    private static DefaultCamelContext withStuckSingletons(CountDownLatch stuck, CountDownLatch released)
            throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 1; i <= 3; i++) {
                    from("timer:stuck-" + i + "?repeatCount=1").routeId("stuck-" + i)
                            .group(Leadership.SINGLETON_GROUP).autoStartup(false)
                            .process(exchange -> {
                                stuck.countDown();
                                released.await();
                            });
                }
            }
        });
        camel.start();
        return camel;
    }
}
