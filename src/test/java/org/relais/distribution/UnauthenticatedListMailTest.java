package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unsubscribes and delivery reports under someone else's name, which the partnership's mail server (mx.relais.test
 * in the tests) did not authenticate: quarantined, and the contact's subscription and bounce count stay as they were.
 */
class UnauthenticatedListMailTest extends ListMailTest {

    private static final String NOT_AUTHENTICATED = "Authentication-Results: mx.relais.test; spf=fail"
            + " smtp.mailfrom=relais.test; dkim=none; dmarc=fail (p=none dis=none) header.from=relais.test";
    private static final String AUTHENTICATED = "Authentication-Results: mx.relais.test; spf=pass"
            + " smtp.mailfrom=mx.relais.test; dkim=pass header.d=relais.test; dmarc=pass header.from=relais.test";

    private MimeMessage toCuf;

    @BeforeEach
    void aDistributionReachedTheNetworks() {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0601", "minutes", "S1-ARGES", parts));
        toCuf = awaitMailsTo("cuf@relais.test", "distribution", 1).get(0);
        NETWORKS.forEach(address -> awaitMailsTo(address, "distribution", 1));
    }

    @Test
    void aForgedUnsubscribeReplyUnsubscribesNoOneAndIsAnsweredToNoOne() throws Exception {
        mail().from("cuf@relais.test").subject("Re: " + toCuf.getSubject()).text("Désabonner, merci.")
                .sendThroughServer(NOT_AUTHENTICATED);

        awaitQuarantined(1);
        awaitMailsTo("coordination@relais.test", "quarantine-unauthenticated", 1);
        settle();
        assertThat(jdbc.sql("select unsubscribed_at is null from contact where address = 'cuf@relais.test'")
                .query(Boolean.class).single()).isTrue();
        assertThat(mailsTo("cuf@relais.test", ListReplies.CONFIRMATION)).isEmpty();
    }

    @Test
    void forgedDeliveryReportsCountNoBounceAndAnAuthenticatedOneDoes() throws Exception {
        String messageId = mailsTo("anmrb@relais.test", "distribution").get(0).getMessageID();

        for (String reportId : new String[] {"<forged-1@elsewhere.example>", "<forged-2@elsewhere.example>"}) {
            mail().sendRaw("mailer-daemon@relais.test", receivedWith(NOT_AUTHENTICATED, BounceTest.report(reportId,
                    "anmrb@relais.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown", messageId)));
        }

        awaitQuarantined(2);
        assertThat(jdbc.sql("select hard_bounces || ' ' || (bounce_flagged_at is null) from contact"
                + " where address = 'anmrb@relais.test'").query(String.class).single()).isEqualTo("0 true");
        assertThat(ledgerState("REL-2026-0601", "anmrb@relais.test")).isEqualTo("sent");

        mail().sendRaw("mailer-daemon@relais.test", receivedWith(AUTHENTICATED, BounceTest.report(
                "<dsn-9@mx.relais.test>", "anmrb@relais.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown",
                messageId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select hard_bounces from contact where address = 'anmrb@relais.test'").query(Integer.class)
                .single() == 1);
    }

    private void awaitQuarantined(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                select count(*) from inbound_mail
                where state = 'quarantined' and problem like 'unauthenticated sender: mx.relais.test: dmarc=fail%'
                """).query(Integer.class).single() == count);
    }

    /** The report as the mail server delivers it, its verdict on top. */
    private static byte[] receivedWith(String serverHeader, byte[] report) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes((serverHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(report);
        return raw.toByteArray();
    }
}
