package org.relais.observability;

import java.time.Clock;
import org.relais.mail.MailProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mail.health.MailHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Both sides of the mail server as health shows them, {@code mailbox} (IMAP) and {@code mail} (SMTP, Spring Boot's
 * check, which this replaces), each reused for {@code relais.observability.mail-check-cache}.
 */
@Configuration(proxyBeanMethods = false)
class MailHealthChecks {

    @Bean("mailbox")
    HealthIndicator mailbox(MailProperties mail, ObservabilityProperties properties) {
        MailProperties.Imap imap = mail.imap();
        return new CachedHealth(new MailboxHealthIndicator(imap.protocol(), imap.host(), imap.port(), imap.username(),
                imap.password()),
                properties.mailCheckCache(), Clock.systemUTC());
    }

    /** Named so that Spring Boot's own mail check, which would log in at every call, steps aside. */
    @Bean("mailHealthContributor")
    HealthIndicator mail(JavaMailSenderImpl sender, ObservabilityProperties properties) {
        return new CachedHealth(new MailHealthIndicator(sender), properties.mailCheckCache(), Clock.systemUTC());
    }
}
