package org.relais.console.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.relais.console.ActionLog;
import org.springframework.stereotype.Component;

/**
 * Suspends and resumes routes through Camel's route controller; every attempt is recorded. A route that other routes
 * call (a {@code direct} endpoint: the sending of one mail, the answers of an intake mail) is not suspended: its
 * callers would wait for it and fail; the routes that take from a queue or a timer are the ones to suspend.
 */
@Component
class RouteControl {

    /** The component of the routes that other routes call. */
    private static final String CALLED_BY_ROUTES = "direct";

    private final CamelContext camel;
    private final ActionLog actions;

    RouteControl(CamelContext camel, ActionLog actions) {
        this.camel = camel;
        this.actions = actions;
    }

    void suspend(String routeId) {
        act("route.suspend", routeId, true);
    }

    void resume(String routeId) {
        act("route.resume", routeId, false);
    }

    /** Whether the console may suspend the route. */
    boolean suspendable(Route route) {
        return route.getEndpoint().getComponent() != camel.getComponent(CALLED_BY_ROUTES);
    }

    private void act(String action, String routeId, boolean suspend) {
        Route route = camel.getRoute(routeId);
        if (route == null) {
            throw new UnknownRouteException(routeId);
        }
        if (suspend && !suspendable(route)) {
            actions.record(action, "route-" + routeId, "refused", "called by other routes");
            throw new CalledByOtherRoutesException(routeId);
        }
        try {
            if (suspend) {
                camel.getRouteController().suspendRoute(routeId);
            } else {
                camel.getRouteController().resumeRoute(routeId);
            }
            actions.record(action, "route-" + routeId, "done",
                    String.valueOf(camel.getRouteController().getRouteStatus(routeId)));
        } catch (Exception e) {
            actions.record(action, "route-" + routeId, "failed", e.getMessage());
            throw new IllegalStateException("Cannot " + action + " " + routeId + ": " + e.getMessage(), e);
        }
    }

    static class CalledByOtherRoutesException extends RuntimeException {
        CalledByOtherRoutesException(String routeId) {
            super("Route " + routeId + " is called by other routes: suspend the route that takes from its queue");
        }
    }

    static class UnknownRouteException extends RuntimeException {
        UnknownRouteException(String routeId) {
            super("No route " + routeId);
        }
    }
}
