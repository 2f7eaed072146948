package org.relais.broker;

import org.springframework.context.ApplicationEvent;

/**
 * A record handed from Java (a console action, a scheduled check) to the routes, as a Spring application event that
 * routes/hand-off.yaml takes ({@code spring-event:}) and puts on its way; see {@link RouteHandOff}.
 */
public final class HandOff extends ApplicationEvent {

    private final transient Object payload;
    private volatile boolean taken;

    HandOff(Object source, Object payload) {
        super(source);
        this.payload = payload;
    }

    public Object getPayload() {
        return payload;
    }

    void markTaken() {
        taken = true;
    }

    boolean taken() {
        return taken;
    }
}
