package org.relais.broker;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * A route that takes from a queue starts its exchanges on a plain copy of the message taken (its body and headers,
 * JMSDestination included), before its first step. Camel 4.22's JmsMessage reads the JMS redelivery flag
 * of a null message each time it is copied — the error handler copies the exchange before each step it guards, the
 * splitter for each item — and throws and catches a NullPointerException to learn that there is none: ten per
 * intake mail, 5 % of a busy hub's CPU samples (bench/README.md, "Intake"). The broker's transaction does not need
 * the JmsMessage: it belongs to the consumer's session.
 */
@Component
class DetachFromJms implements RoutePolicyFactory {

    /** Every route's: only a message taken from a queue is a JmsMessage, and the others are left as they are. */
    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route taking, Exchange exchange) {
                detach(exchange);
            }
        };
    }

    static void detach(Exchange exchange) {
        if (exchange.getMessage() instanceof JmsMessage received) {
            DefaultMessage plain = new DefaultMessage(exchange);
            plain.copyFrom(received);
            exchange.setMessage(plain);
        }
    }
}
