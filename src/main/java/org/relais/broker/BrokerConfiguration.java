package org.relais.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * Settings of the embedded broker. Camel's error handler moves a failing message to the dead-letter queue after its
 * retries; the broker's own limit catches what Camel cannot, such as a message that kills the process each time. The
 * dead-letter queue is made at start; every other queue is made by the first route that reads or writes it, and
 * stays: Artemis otherwise removes a queue it made as soon as it is empty and has no consumer (on its next scan, every
 * 30 s), and a message routed to it in a transaction not yet committed goes with it. Every consumer of a hub is gone
 * at once when the broker restarts or the hubs stop; a faults run lost a translator's reply that way, most likely
 * (bench/README.md, "The mail parsed without locks"). A standalone broker needs the same (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer deadLetterSettings(BrokerProperties properties) {
        return configuration -> configuration
                .addQueueConfiguration(QueueConfiguration.of(properties.deadLetterQueue())
                        .setRoutingType(RoutingType.ANYCAST))
                .addAddressSetting("#", new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of(properties.deadLetterQueue()))
                        .setMaxDeliveryAttempts(properties.maxDeliveryAttempts())
                        .setRedeliveryDelay(1000)
                        .setRedeliveryMultiplier(2)
                        .setMaxRedeliveryDelay(30_000)
                        .setAutoCreateQueues(true)
                        .setAutoCreateAddresses(true)
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false));
    }

    /**
     * For a route that is not a queue consumer but sends several messages that belong together ({@code transacted}
     * with this ref): they reach the broker in one commit, or none does. The transaction manager is no bean of its
     * own, so that {@code @Transactional} keeps PostgreSQL's.
     */
    @Bean
    SpringTransactionPolicy brokerTransaction(ConnectionFactory connectionFactory) {
        return new SpringTransactionPolicy(new JmsTransactionManager(connectionFactory));
    }
}
