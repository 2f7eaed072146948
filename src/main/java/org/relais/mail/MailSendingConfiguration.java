package org.relais.mail;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class MailSendingConfiguration {

    /**
     * For routes/mail-send.yaml's {@code transacted} step: the claim of a mail, its sending and what the server
     * answered are one PostgreSQL transaction, the mail's row locked meanwhile.
     */
    @Bean
    SpringTransactionPolicy databaseTransaction(PlatformTransactionManager transactions) {
        return new SpringTransactionPolicy(transactions);
    }
}
