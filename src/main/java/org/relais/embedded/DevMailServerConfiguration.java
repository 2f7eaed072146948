package org.relais.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The development run's mail server, inside the hub's JVM: every address has a mailbox and any password logs in,
 * so anyone can try the hub with a standard mail client. It keeps mail in memory only (see the README). Like a
 * production server with a recipient delimiter, it delivers plus-addresses to their base mailbox with a Delivered-To
 * header: the hub's signed reply and bounce addresses (hub+r.…, hub+b.…) reach the hub's mailbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relais.embedded.mail.enabled", havingValue = "true")
class DevMailServerConfiguration {

    private static final long STARTUP_TIMEOUT_MS = 30_000;

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail devMailServer(EmbeddedProperties embedded) {
        EmbeddedProperties.Mail properties = embedded.mail();
        // GreenMail gives its servers 2 s to start by default: a busy machine (a test run beside a build) took longer
        ServerSetup smtp = new ServerSetup(properties.smtpPort(), properties.bindAddress(), ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(properties.imapPort(), properties.bindAddress(), ServerSetup.PROTOCOL_IMAP);
        smtp.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        imap.setServerStartupTimeout(STARTUP_TIMEOUT_MS);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.getUserManager().setMessageDeliveryHandler(new PlusAddressDelivery(greenMail.getUserManager()));
        return greenMail;
    }
}
