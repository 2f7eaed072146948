package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.broker.TestBrokers.journalIn;
import static org.relais.broker.TestBrokers.start;
import static org.relais.broker.TestBrokers.withHubSettings;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue the broker made before the hub kept its queues (2026-12-04) keeps the removal it was made with: what a
 * restart does to it, on which docs/operations.md ("Upgrades") builds.
 */
class QueuesMadeBeforeTest {

    private static final String URL = "vm://9";

    @Test
    void aRestartRemovesSuchAQueueWhenEmptyForItsFirstUseToMakeItAnewAndLeavesOneHoldingMessages(@TempDir Path data)
            throws Exception {
        EmbeddedActiveMQ before = start(broker(data));
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(URL);
             Connection connection = factory.createConnection()) {
            // as the broker made them on first use before the hub kept its queues
            for (String queue : List.of("translation.replies", "intake.mail")) {
                before.getActiveMQServer().createQueue(QueueConfiguration.of(queue)
                        .setRoutingType(RoutingType.ANYCAST).setAutoCreated(true).setAutoDelete(true));
            }
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("intake.mail")).send(session.createTextMessage("waiting"));
        } finally {
            before.stop();
        }
        EmbeddedActiveMQ after = start(withHubSettings(broker(data)));
        try {
            ActiveMQServer server = after.getActiveMQServer();

            assertThat(server.locateQueue(SimpleString.of("translation.replies"))).as("removed by the restart")
                    .isNull();
            assertThat(server.locateQueue(SimpleString.of("intake.mail")))
                    .satisfies(queue -> assertThat(queue.isAutoDelete()).as("the removal it was made with").isTrue())
                    .satisfies(queue -> assertThat(queue.getMessageCount()).isEqualTo(1));
            try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(URL);
                 Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("translation.replies"))
                        .send(session.createTextMessage("the reply"));
            }
            assertThat(server.locateQueue(SimpleString.of("translation.replies")))
                    .satisfies(queue -> assertThat(queue.isAutoDelete()).as("made anew, kept").isFalse());
        } finally {
            after.stop();
        }
    }

    /** A broker keeping its journal in {@code data}, with Artemis' own defaults for the queues it makes. */
    private static Configuration broker(Path data) throws Exception {
        return journalIn(new ConfigurationImpl(), data).setSecurityEnabled(false).setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO).addAcceptorConfiguration("in-vm", URL);
    }
}
