package org.relais.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The whole hub, started once per test JVM on real parts (see relais-test.properties), shared by every test class
 * that extends this one. Each test starts from empty mailboxes and an empty intake history; the directory stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:relais-test.properties")
@Import(TestClock.Configuration.class)
public abstract class HubTest {

    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();

    @Autowired
    protected GreenMail mailServer;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        registry.add("relais.embedded.mail.smtp-port", () -> SMTP_PORT);
        registry.add("relais.embedded.mail.imap-port", () -> IMAP_PORT);
        registry.add("relais.mail.smtp.port", () -> SMTP_PORT);
        registry.add("relais.mail.imap.port", () -> IMAP_PORT);
        // a LibreTranslate-compatible server over real HTTP, for the translation flow's machine drafts
        registry.add("relais.translation.machine.url", () -> LibreTranslateStub.shared().url());
    }

    @Autowired
    private CamelContext camel;

    /**
     * Waits until the previous test's mails have gone through every flow (nothing in flight for a moment), so that
     * no late answer lands in this test's mailboxes and no flow holds the rows being emptied.
     */
    @BeforeEach
    void startFromEmptyMailboxesAndHistory() throws Exception {
        await().atMost(Duration.ofSeconds(60)).during(Duration.ofMillis(500))
                .until(() -> inflightBesidesMailboxPolls() == 0);
        mailServer.purgeEmailFromAllMailboxes();
        jdbc.sql("""
                        truncate document, mail_part, outgoing_mail, inbound_mail, failure, distribution,
                                 pipeline_event, newsletter_issue, schedule_run cascade
                        """)
                .update();
    }

    /**
     * Waits until what the last mails set going has gone through every flow (every mail taken in, nothing in flight
     * for a while), so that what should not have happened would have had the time to.
     */
    protected void settle() {
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(1000)).during(Duration.ofMillis(1000))
                .until(() -> inflightBesidesMailboxPolls() == 0 && jdbc.sql(
                        "select count(*) from inbound_mail where state = 'received'").query(Integer.class).single() == 0);
    }

    /** The mailbox poller is in flight for a moment at every poll, whether or not there is mail. */
    private int inflightBesidesMailboxPolls() {
        return camel.getInflightRepository().size() - camel.getInflightRepository().size("intake-fetch-mail");
    }

    protected TestMail mail() {
        return new TestMail(SMTP_PORT);
    }

    /** The mails the hub wrote to {@code address}, once {@code count} of them have arrived. */
    protected List<MimeMessage> awaitMailsTo(String address, int count) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No " + count + " mail(s) to " + address + "; failures recorded: "
                    + jdbc.sql("select detail from failure").query(String.class).list(), e);
        }
        return mailsTo(address);
    }

    protected List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(m -> isAddressedTo(m, address))
                .toList();
    }

    /** The mails the hub wrote to {@code address} for one purpose, once {@code count} of them have arrived. */
    protected List<MimeMessage> awaitMailsTo(String address, String purpose, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address, purpose).size() >= count);
        return mailsTo(address, purpose);
    }

    /** The mails the hub wrote to {@code address} for one purpose (intake-ack, budget-verdict, ...). */
    protected List<MimeMessage> mailsTo(String address, String purpose) {
        return mailsTo(address).stream().filter(m -> hasPurpose(m, purpose)).toList();
    }

    private static boolean hasPurpose(MimeMessage message, String purpose) {
        try {
            return message.getMessageID() != null && message.getMessageID().startsWith("<" + purpose + ".");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAddressedTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
