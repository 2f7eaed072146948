package org.relais.routes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;

/** Stands for org.relais.failure.FailureRecorder, which writes to PostgreSQL: keeps what it was asked to record. */
public final class FailureRecorderFake {

    public record Recorded(String body, String error, String routeId) {
    }

    final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    /** When set, recording fails as it does with the database down. */
    volatile RuntimeException failure;

    public long record(@Body String body, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable error,
                       @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String routeId) {
        if (failure != null) {
            throw failure;
        }
        recorded.add(new Recorded(body, error == null ? null : error.getMessage(), routeId));
        return recorded.size();
    }

    public String originQueue() {
        return "queue";
    }
}
