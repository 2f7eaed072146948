package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

class DetachFromJmsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final DetachFromJms factory = new DetachFromJms();

    @Test
    void aRouteTakingFromAQueueStartsOnAPlainMessageWithTheSameBodyAndHeaders() {
        RoutePolicy policy = factory.createRoutePolicy(camel, "intake-process-mail",
                new RouteDefinition("jms:queue:intake.mail?transacted=true"));
        Exchange exchange = new DefaultExchange(camel);
        JmsMessage received = new JmsMessage(exchange, null, null, null);
        received.setBody("{\"mailId\":7}");
        received.setHeader("relaisReference", "REL-2026-0007");
        received.setHeader("JMSDestination", "intake.mail");
        exchange.setMessage(received);

        policy.onExchangeBegin(null, exchange);

        assertThat(exchange.getMessage()).isNotInstanceOf(JmsMessage.class);
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"mailId\":7}");
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry("relaisReference", "REL-2026-0007")
                .containsEntry("JMSDestination", "intake.mail");
    }

    @Test
    void aPlainMessageIsLeftAsItIs() {
        Exchange exchange = new DefaultExchange(camel);
        DefaultMessage message = new DefaultMessage(exchange);
        message.setBody("{\"id\":3}");
        exchange.setMessage(message);

        DetachFromJms.detach(exchange);

        assertThat(exchange.getMessage()).isSameAs(message);
    }
}
