package org.relais.broker;

import org.springframework.context.ApplicationEventPublisher;

/** The real {@link RouteHandOff} for tests of other packages (its constructor is for Spring). */
public final class RouteHandOffs {

    private RouteHandOffs() {
    }

    public static RouteHandOff publishingTo(ApplicationEventPublisher publisher) {
        return new RouteHandOff(publisher);
    }
}
