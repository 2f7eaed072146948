package org.relais.console.routes;

import org.apache.camel.CamelContext;
import org.relais.console.ActionLog;
import org.springframework.stereotype.Component;

/** Suspends and resumes routes through Camel's route controller; every attempt is recorded. */
@Component
class RouteControl {

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

    private void act(String action, String routeId, boolean suspend) {
        if (camel.getRoute(routeId) == null) {
            throw new UnknownRouteException(routeId);
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

    static class UnknownRouteException extends RuntimeException {
        UnknownRouteException(String routeId) {
            super("No route " + routeId);
        }
    }
}
