package org.relais.console.routes;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each Camel route with its state, its figures ({@link RouteCounters}) and its last error: the newest recorded failure
 * of the route (its message and time), or else the time an exchange last failed in it.
 */
@Component
class RouteFigures {

    record RouteRow(String id, String state, String from, long exchangesTotal, long exchangesFailed,
                    long failuresHandled, long inflight, long meanMillis, long maxMillis, Instant lastFailureAt,
                    String lastError, boolean canSuspend, boolean canResume) {
    }

    private record LastFailure(String routeId, Instant at, String error) {
    }

    private final CamelContext camel;
    private final JdbcClient jdbc;
    private final RouteControl control;
    private final RouteCounters counters;

    RouteFigures(CamelContext camel, JdbcClient jdbc, RouteControl control, RouteCounters counters) {
        this.camel = camel;
        this.jdbc = jdbc;
        this.control = control;
        this.counters = counters;
    }

    List<RouteRow> routes() {
        Map<String, LastFailure> lastFailures = lastFailures();
        return camel.getRoutes().stream()
                .sorted(Comparator.comparing(Route::getRouteId))
                .map(route -> row(route, counters.of(route.getRouteId()), lastFailures.get(route.getRouteId())))
                .toList();
    }

    Optional<RouteRow> route(String routeId) {
        return routes().stream().filter(row -> row.id().equals(routeId)).findFirst();
    }

    private RouteRow row(Route route, RouteCounters.Figures figures, LastFailure failure) {
        String state = String.valueOf(camel.getRouteController().getRouteStatus(route.getRouteId()));
        Instant lastFailureAt = latest(failure == null ? null : failure.at(), figures.lastFailureAt());
        return new RouteRow(route.getRouteId(), state, route.getEndpoint().getEndpointBaseUri(),
                figures.exchangesTotal(), figures.exchangesFailed(), figures.failuresHandled(),
                camel.getInflightRepository().size(route.getRouteId()), figures.meanMillis(), figures.maxMillis(),
                lastFailureAt, failure == null ? null : failure.error(),
                state.equals("Started") && control.suspendable(route), state.equals("Suspended"));
    }

    private Map<String, LastFailure> lastFailures() {
        return jdbc.sql("""
                        select distinct on (route_id) route_id, occurred_at, error
                        from failure where route_id is not null order by route_id, id desc
                        """)
                .query((rs, row) -> new LastFailure(rs.getString("route_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("error")))
                .list().stream()
                .collect(java.util.stream.Collectors.toMap(LastFailure::routeId, failure -> failure));
    }

    private static Instant latest(Instant first, Instant second) {
        if (first == null) {
            return second;
        }
        return second == null || first.isAfter(second) ? first : second;
    }
}
