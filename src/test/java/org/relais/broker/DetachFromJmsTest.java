package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

class DetachFromJmsTest {

    private final CamelContext camel = new DefaultCamelContext();

    @Test
    void aMessageTakenFromAQueueBecomesAPlainMessageWithTheSameBodyAndHeaders() {
        Exchange exchange = new DefaultExchange(camel);
        JmsMessage received = new JmsMessage(exchange, null, null, null);
        received.setBody("{\"mailId\":7}");
        received.setHeader("relaisReference", "REL-2026-0007");
        received.setHeader("JMSDestination", "intake.mail");
        exchange.setMessage(received);

        new DetachFromJms().process(exchange);

        assertThat(exchange.getMessage()).isNotInstanceOf(JmsMessage.class);
        assertThat(exchange.getMessage().getBody()).isEqualTo("{\"mailId\":7}");
        assertThat(exchange.getMessage().getHeaders())
                .containsEntry("relaisReference", "REL-2026-0007")
                .containsEntry("JMSDestination", "intake.mail");
    }

    @Test
    void aMessageThatDidNotComeFromAQueueIsLeftAsItIs() {
        Exchange exchange = new DefaultExchange(camel);
        DefaultMessage message = new DefaultMessage(exchange);
        message.setBody("tick");
        exchange.setMessage(message);

        new DetachFromJms().process(exchange);

        assertThat(exchange.getMessage()).isSameAs(message);
    }
}
