package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relais.broker.TestBrokers.journalIn;
import static org.relais.broker.TestBrokers.start;
import static org.relais.broker.TestBrokers.withHubSettings;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker's settings, and the standalone broker's of docker-compose.yml (deploy/artemis/broker.xml). */
class BrokerConfigurationTest {

    private static final Path STANDALONE = Path.of("deploy/artemis/broker.xml");

    /**
     * Artemis' own defaults remove an empty queue it made once nobody reads it, and a message sent to it in a
     * transaction still open is gone with it at the commit: what a broker restart does to every queue of the hub.
     */
    @Test
    void aMessageSentInATransactionToAQueueNobodyReadsIsThereAfterTheCommit() throws Exception {
        Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("in-vm", "vm://7");

        assertAMessageSentInATransactionOutlivesTheScanForEmptyQueues(withHubSettings(configuration), "vm://7");
    }

    @Test
    void theStandaloneBrokerKeepsAMessageSentInATransactionToAQueueNobodyReadsToo(@TempDir Path data)
            throws Exception {
        Configuration configuration = journalIn(standalone().setSecurityEnabled(false), data);
        configuration.getAcceptorConfigurations().clear();
        configuration.addAcceptorConfiguration("in-vm", "vm://8");

        assertAMessageSentInATransactionOutlivesTheScanForEmptyQueues(configuration, "vm://8");
    }

    @Test
    void theStandaloneBrokerHasTheEmbeddedBrokersDeadLettersRedeliveryAndQueues() throws Exception {
        AddressSettings expected = withHubSettings(new ConfigurationImpl()).getAddressSettings().get("#");
        Configuration standalone = standalone();

        AddressSettings actual = standalone.getAddressSettings().get("#");

        assertThat(actual).extracting(AddressSettings::getDeadLetterAddress, AddressSettings::getMaxDeliveryAttempts,
                        AddressSettings::getRedeliveryDelay, AddressSettings::getRedeliveryMultiplier,
                        AddressSettings::getMaxRedeliveryDelay, AddressSettings::isAutoCreateQueues,
                        AddressSettings::isAutoCreateAddresses, AddressSettings::isAutoDeleteQueues,
                        AddressSettings::isAutoDeleteAddresses)
                .containsExactly(expected.getDeadLetterAddress(), expected.getMaxDeliveryAttempts(),
                        expected.getRedeliveryDelay(), expected.getRedeliveryMultiplier(),
                        expected.getMaxRedeliveryDelay(), true, true, false, false);
        assertThat(standalone.getAddressConfigurations()).flatExtracting(address -> address.getQueueConfigs())
                .extracting(queue -> queue.getName().toString()).contains("DLQ");
    }

    @Test
    void theStandaloneBrokersUserMaySendReadMakeQueuesAndManage() throws Exception {
        Set<Role> roles = standalone().getSecurityRoles().get("#");

        // amq: the role the image's instance gives ARTEMIS_USER
        assertThat(roles).filteredOn(role -> role.getName().equals("amq")).singleElement().satisfies(role -> {
            assertThat(role.isSend()).isTrue();
            assertThat(role.isConsume()).isTrue();
            assertThat(role.isCreateDurableQueue()).isTrue();
            assertThat(role.isCreateAddress()).isTrue();
            assertThat(role.isManage()).as("the console reads the queues' figures").isTrue();
        });
    }

    /** deploy/artemis/broker.xml, read by Artemis itself. */
    private static Configuration standalone() throws Exception {
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(STANDALONE.toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        return configuration;
    }

    private static void assertAMessageSentInATransactionOutlivesTheScanForEmptyQueues(Configuration configuration,
                                                                                       String url) throws Exception {
        // the broker's scan for queues to remove every 50 ms, not every 30 s
        configuration.setAddressQueueScanPeriod(50);
        EmbeddedActiveMQ broker = start(configuration);
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
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
