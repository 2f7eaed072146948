package org.relais.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.JmsTransactionManager;

/**
 * Settings of the embedded broker. Camel's error handler moves a failing message to the dead-letter queue after its
 * retries; the broker's own limit catches what Camel cannot, such as a message that kills the process each time.
 */
@Configuration(proxyBeanMethods = false)
class BrokerConfiguration {

    static final String DEAD_LETTER_QUEUE = "DLQ";

    @Bean
    ArtemisConfigurationCustomizer deadLetterSettings(
            @Value("${relais.broker.max-delivery-attempts:10}") int maxDeliveryAttempts) {
        return configuration -> configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setMaxDeliveryAttempts(maxDeliveryAttempts)
                .setRedeliveryDelay(1000)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(30_000)
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true));
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
