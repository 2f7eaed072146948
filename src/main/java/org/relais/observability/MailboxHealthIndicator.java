package org.relais.observability;

import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The hub mailbox as health shows it ({@code mailbox}, through MailHealthChecks): an IMAP login with the hub's own
 * settings. Spring Boot's mail indicator covers the SMTP side only.
 */
class MailboxHealthIndicator extends AbstractHealthIndicator {

    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    MailboxHealthIndicator(String protocol, String host, int port, String username, String password) {
        super("The hub mailbox could not be reached");
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", "5000");
        properties.setProperty("mail." + protocol + ".timeout", "5000");
        try (Store store = Session.getInstance(properties).getStore(protocol)) {
            store.connect(host, port, username, password);
            builder.up().withDetail("location", protocol + "://" + host + ":" + port).withDetail("mailbox", username);
        }
    }
}
