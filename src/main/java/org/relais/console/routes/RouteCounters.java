package org.relais.console.routes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * Each route's figures, counted as exchanges leave it: how many went through, failed, or had their failure handled
 * (dead-lettered), how long they took, and when one last failed: what the console and the metrics show. Camel's JMX
 * management counted the same, but as the hub starts it builds and registers an MBean for every endpoint, consumer,
 * producer and service: 0.45 s of the start's main thread (bench/README.md, "The relay's kept conversation, and route
 * figures without JMX").
 */
@Component
public class RouteCounters implements RoutePolicyFactory {

    /** One route's figures so far; {@code lastFailureAt} null if none failed. */
    public record Figures(long exchangesTotal, long exchangesFailed, long failuresHandled, long meanMillis,
                          long maxMillis, Instant lastFailureAt) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, null);
    }

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Clock clock;

    RouteCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        Counter counter = counters.computeIfAbsent(routeId, id -> new Counter());
        // one exchange goes through several routes (direct: calls), each timing its own stretch
        String enteredAt = "relaisEnteredRoute." + routeId;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route entered, Exchange exchange) {
                exchange.setProperty(enteredAt, System.nanoTime());
            }

            @Override
            public void onExchangeDone(Route left, Exchange exchange) {
                Long entered = exchange.removeProperty(enteredAt) instanceof Long nanos ? nanos : null;
                long millis = entered == null ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - entered);
                counter.done(exchange.isFailed(), exchange.getExchangeExtension().isFailureHandled(), millis,
                        clock);
            }
        };
    }

    /** A route's figures; all zero for a route no exchange has left yet. */
    public Figures of(String routeId) {
        Counter counter = counters.get(routeId);
        return counter == null ? Figures.NONE : counter.figures();
    }

    private static final class Counter {

        private long total;
        private long failed;
        private long handled;
        private long totalMillis;
        private long maxMillis;
        private Instant lastFailureAt;

        synchronized void done(boolean failure, boolean failureHandled, long millis, Clock clock) {
            total++;
            totalMillis += millis;
            maxMillis = Math.max(maxMillis, millis);
            if (failure) {
                failed++;
            } else if (failureHandled) {
                handled++;
            }
            if (failure || failureHandled) {
                lastFailureAt = clock.instant();
            }
        }

        synchronized Figures figures() {
            return new Figures(total, failed, handled, total == 0 ? 0 : totalMillis / total, maxMillis,
                    lastFailureAt);
        }
    }
}
