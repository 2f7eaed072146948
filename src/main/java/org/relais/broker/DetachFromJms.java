package org.relais.broker;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.support.DefaultMessage;
import org.springframework.stereotype.Component;

/**
 * Replaces a message taken from a queue by a plain copy (its body and headers, JMSDestination included) as the route
 * starts. Camel 4.22's JmsMessage reads the JMS redelivery flag of a null message each time it is copied — each split
 * item, each step the error handler guards, each new result — and throws and catches a NullPointerException to
 * learn that it has none: ten per intake mail, 5 % of a busy hub's CPU samples (bench/README.md, "Intake"). The
 * broker's transaction does not need the JmsMessage: it belongs to the consumer's session.
 */
@Component("detachFromJms")
public class DetachFromJms implements Processor {

    @Override
    public void process(Exchange exchange) {
        if (exchange.getMessage() instanceof JmsMessage received) {
            DefaultMessage plain = new DefaultMessage(exchange);
            plain.copyFrom(received);
            exchange.setMessage(plain);
        }
    }
}
