package org.relais.console;

import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.relais.distribution.ListMailTest;

/**
 * The hub after a real distribution: seminar minutes in three languages published on the distribution queue, sent
 * to the follow-up group and the networks; a mail server's delivery report makes one of them bounce.
 */
abstract class DistributedMinutes extends ListMailTest {

    /** A network whose mail bounces in these tests. */
    static final String BOUNCING = "anmrb@relais.test";

    /** Distributes minutes of Argeș under {@code reference}, waits until every mail went out; the distribution id. */
    long distributedMinutes(String reference) {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request(reference, "minutes", "S1-ARGES", parts));
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(jdbc.sql(
                "select state from distribution where reference = :reference").param("reference", reference)
                .query(String.class).optional().orElse(null)));
        return jdbc.sql("select id from distribution where reference = :reference").param("reference", reference)
                .query(Long.class).single();
    }

    /** The remote server reports the distribution mail to {@link #BOUNCING} undeliverable (RFC 3464, 5.1.1). */
    void bounceTheMailToTheBouncingNetwork() throws MessagingException {
        String messageId = awaitMailsTo(BOUNCING, "distribution", 1).get(0).getMessageID();
        String boundary = "dsn-boundary";
        String report = String.join("\r\n",
                "From: Mail Delivery System <mailer-daemon@relais.test>",
                "To: hub@relais.test",
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <dsn-" + System.nanoTime() + "@mx.relais.test>",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"",
                "",
                "--" + boundary,
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "Your message could not be delivered.",
                "",
                "--" + boundary,
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.relais.test",
                "",
                "Final-Recipient: rfc822; " + BOUNCING,
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
                "",
                "--" + boundary,
                "Content-Type: text/rfc822-headers",
                "",
                "From: Relais <hub@relais.test>",
                "To: " + BOUNCING,
                "Message-ID: " + messageId,
                "",
                "--" + boundary + "--",
                "");
        mail().sendRaw("mailer-daemon@relais.test", report.getBytes(StandardCharsets.US_ASCII));
    }
}
