package org.relais.broker;

import org.apache.camel.ExchangeProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands a record from code that is not a route (a console action, a scheduled check) to the routes, which say where
 * it goes (routes/hand-off.yaml): a message leaves only once the caller's database transaction has committed, so that
 * its consumer finds what the caller recorded. Synchronous: when no route took the record (the broker is down), the
 * caller gets an exception, as it would have from a send of its own.
 */
@Component
public class RouteHandOff {

    private final ApplicationEventPublisher publisher;

    RouteHandOff(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Hands {@code payload} on after the caller's transaction commits; at once outside a transaction. */
    public void afterCommit(Object payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now(payload);
                }
            });
        } else {
            now(payload);
        }
    }

    /** The last step of routes/hand-off.yaml: the payload is on its way. */
    public void taken(@ExchangeProperty("relaisHandOff") HandOff handOff) {
        handOff.markTaken();
    }

    private void now(Object payload) {
        HandOff handOff = new HandOff(this, payload);
        publisher.publishEvent(handOff);
        if (!handOff.taken()) {
            throw new IllegalStateException("No route took the " + payload.getClass().getSimpleName()
                    + " handed on (routes/hand-off.yaml); the route's error is in the log");
        }
    }
}
