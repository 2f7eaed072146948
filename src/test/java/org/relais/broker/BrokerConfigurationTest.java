package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

class BrokerConfigurationTest {

    /**
     * Artemis' own defaults remove an empty queue it made once nobody reads it, and a message sent to it in a
     * transaction still open is gone with it at the commit: what a broker restart does to every queue of the hub.
     */
    @Test
    void aMessageSentInATransactionToAQueueNobodyReadsIsThereAfterTheCommit() throws Exception {
        Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://7")
                // the broker's scan for queues to remove every 50 ms, not every 30 s
                .setAddressQueueScanPeriod(50);
        new BrokerConfiguration().deadLetterSettings(new BrokerProperties("DLQ", 10)).customize(configuration);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue replies = session.createQueue("translation.replies");
            session.createProducer(replies).send(session.createTextMessage("earlier"));
            try (MessageConsumer consumer = session.createConsumer(replies)) {
                assertThat(consumer.receive(5_000)).isNotNull();
            }
            Session transaction = connection.createSession(true, Session.SESSION_TRANSACTED);
            transaction.createProducer(replies).send(transaction.createTextMessage("the reply"));
            ActiveMQServer server = broker.getActiveMQServer();

            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> server.locateQueue(SimpleString.of("translation.replies")) != null);
            transaction.commit();

            try (MessageConsumer consumer = session.createConsumer(replies)) {
                Message reply = consumer.receive(5_000);
                assertThat(reply).isInstanceOf(TextMessage.class);
                assertThat(((TextMessage) reply).getText()).isEqualTo("the reply");
            }
        } finally {
            broker.stop();
        }
    }
}
