package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Delivery status notifications from the hub mailbox: hard bounces flag a contact, soft bounces are sent again. */
class BounceTest extends ListMailTest {

    private static final String DAEMON = "mailer-daemon@mx.elsewhere.test";

    @Autowired
    BounceRepository bounces;

    @BeforeEach
    void aDistributionReachedTheNetworks() {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0501", "minutes", "S1-ARGES", parts));
        NETWORKS.forEach(address -> awaitMailsTo(address, "distribution", 1));
    }

    @Test
    void hardBouncesFlagTheContactAfterTheConfiguredCountAndTheReportsAreKept() throws Exception {
        String messageId = mailsTo("anmrb@relais.test", "distribution").get(0).getMessageID();

        mail().sendRaw("mailer-daemon@relais.test", report("<dsn-1@mx.relais.test>", "anmrb@relais.test", "failed",
                "5.1.1", "smtp; 550 5.1.1 User unknown", messageId));
        await().atMost(Duration.ofSeconds(20)).until(() -> hardBounces("anmrb@relais.test") == 1);
        assertThat(flagged("anmrb@relais.test")).as("one bounce is not enough (configured: 2)").isFalse();
        assertThat(ledgerState("REL-2026-0501", "anmrb@relais.test")).isEqualTo("bounced");

        mail().sendRaw("mailer-daemon@relais.test", report("<dsn-2@mx.relais.test>", "anmrb@relais.test", "failed",
                "5.1.1", "smtp; 550 5.1.1 User unknown", messageId));
        await().atMost(Duration.ofSeconds(20)).until(() -> flagged("anmrb@relais.test"));
        assertThat(hardBounces("anmrb@relais.test")).isEqualTo(2);

        var kept = bounces.recent(10);
        assertThat(kept).hasSize(2).allSatisfy(bounce -> {
            assertThat(bounce.severity()).isEqualTo("hard");
            assertThat(bounce.status()).isEqualTo("5.1.1");
            assertThat(bounce.originalMessageId()).isEqualTo(messageId);
            assertThat(new String(bounces.reportOf(bounce.id()).orElseThrow(), StandardCharsets.UTF_8))
                    .contains("Final-Recipient: rfc822; anmrb@relais.test");
        });

        var parts = storedVersions("varna@relais.test", "S4-VARNA", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0502", "minutes", "S4-VARNA", parts));
        awaitMailsTo("uncjr@relais.test", "distribution", 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from distribution_ledger where reference = 'REL-2026-0502'").query(Integer.class)
                .single() == MINUTES_RECIPIENTS);
        assertThat(jdbc.sql("""
                select skipped from distribution_ledger where reference = 'REL-2026-0502'
                  and recipient = 'anmrb@relais.test'
                """).query(String.class).single()).isEqualTo("bounces");
    }

    @Test
    void aSoftBounceSendsTheSameMailAgainLater() throws Exception {
        MimeMessage first = mailsTo("uncjr@relais.test", "distribution").get(0);

        mail().sendRaw("mailer-daemon@relais.test", report("<dsn-3@mx.relais.test>", "uncjr@relais.test", "failed",
                "4.2.2", "smtp; 452 4.2.2 Mailbox full", first.getMessageID()));

        var again = awaitMailsTo("uncjr@relais.test", "distribution", 2);
        assertThat(again.get(1).getMessageID()).isEqualTo(first.getMessageID());
        assertThat(jdbc.sql("select soft_bounces from contact where address = 'uncjr@relais.test'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(flagged("uncjr@relais.test")).isFalse();
    }

    @Test
    void forgedReportsFromOutsideNamingAMailNeverSentChangeNothingAndAreKept() throws Exception {
        String toAnmrb = mailsTo("anmrb@relais.test", "distribution").get(0).getMessageID();
        for (int i = 1; i <= 3; i++) {
            mail().sendRaw("someone@elsewhere.test", report("postmaster@elsewhere.test", "hub@relais.test",
                    "<forged-" + i + "@elsewhere.test>", "anmrb@relais.test", "failed", "5.1.1",
                    "smtp; 550 5.1.1 User unknown", "<never-sent-" + i + "@relais.test>"));
        }
        // a real Message-ID, but of a mail the ledger holds as sent to someone else
        mail().sendRaw("someone@elsewhere.test", report("postmaster@elsewhere.test", "hub@relais.test",
                "<forged-4@elsewhere.test>", "uncjr@relais.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown",
                toAnmrb));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from bounce")
                .query(Integer.class).single() == 4);
        settle();
        assertThat(hardBounces("anmrb@relais.test")).isZero();
        assertThat(hardBounces("uncjr@relais.test")).isZero();
        assertThat(flagged("anmrb@relais.test")).isFalse();
        assertThat(ledgerState("REL-2026-0501", "anmrb@relais.test")).isEqualTo("sent");
        assertThat(bounces.recent(10)).hasSize(4).allSatisfy(bounce -> {
            assertThat(bounce.countedBy()).as("counted by").isNull();
            assertThat(new String(bounces.reportOf(bounce.id()).orElseThrow(), StandardCharsets.UTF_8))
                    .contains("postmaster@elsewhere.test");
        });
    }

    @Test
    void aReportToTheMailsSignedBounceAddressCountsWithoutAnyMessageIdAndAForgedOneDoesNot() throws Exception {
        MimeMessage toAnmrb = mailsTo("anmrb@relais.test", "distribution").get(0);
        String bounceAddress = new InternetAddress(toAnmrb.getHeader("Return-Path", null)).getAddress();
        assertThat(bounceAddress).as("the envelope sender the mail was sent with")
                .matches("hub\\+b\\.t1\\.[0-9a-z]+\\.[0-9a-f]{20}@relais\\.test");
        String forged = bounceAddress.replaceFirst("\\.([0-9a-z]+)\\.", "." + Long.toString(
                Long.parseLong(bounceAddress.split("\\.")[2], 36) + 1, 36) + ".");

        // as a remote server reports it: to the envelope sender, naming the final recipient it knew
        for (String address : List.of(forged, bounceAddress)) {
            mail().sendRaw(DAEMON, address, report(DAEMON, address, "<dsn-" + address.hashCode() + "@elsewhere.test>",
                    "anmrb@relais.test", "failed", "5.1.1", "smtp; 550 5.1.1 User unknown", "<unknown@elsewhere.test>"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> hardBounces("anmrb@relais.test") == 1);
        assertThat(ledgerState("REL-2026-0501", "anmrb@relais.test")).isEqualTo("bounced");
        await().atMost(Duration.ofSeconds(20)).until(() -> bounces.recent(10).size() == 2);
        assertThat(bounces.recent(10)).extracting(BounceRepository.Bounce::countedBy)
                .containsExactlyInAnyOrder("bounce-address", null);
    }

    /** A delivery status notification (RFC 3464) as a mail server writes it, to the hub's plain address. */
    static byte[] report(String reportId, String recipient, String action, String status, String diagnostic,
                         String originalMessageId) {
        return report("mailer-daemon@relais.test", "hub@relais.test", reportId, recipient, action, status,
                diagnostic, originalMessageId);
    }

    /** A delivery status notification from {@code from} to {@code to}, the address it reports to. */
    static byte[] report(String from, String to, String reportId, String recipient, String action, String status,
                         String diagnostic, String originalMessageId) {
        String boundary = "dsn-boundary";
        String text = String.join("\r\n",
                "From: Mail Delivery System <" + from + ">",
                "To: " + to,
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: " + reportId,
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"",
                "",
                "--" + boundary,
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "I'm sorry to have to inform you that your message could not be delivered.",
                "",
                "--" + boundary,
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.relais.test",
                "Arrival-Date: Mon, 7 Sep 2009 10:00:00 +0300",
                "",
                "Final-Recipient: rfc822; " + recipient,
                "Original-Recipient: rfc822;" + recipient,
                "Action: " + action,
                "Status: " + status,
                "Diagnostic-Code: " + diagnostic,
                "",
                "--" + boundary,
                "Content-Type: text/rfc822-headers",
                "",
                "From: Relais <hub@relais.test>",
                "To: " + recipient,
                "Message-ID: " + originalMessageId,
                "Subject: minutes",
                "",
                "--" + boundary + "--",
                "");
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private int hardBounces(String address) {
        return jdbc.sql("select hard_bounces from contact where address = :address").param("address", address)
                .query(Integer.class).single();
    }

    private boolean flagged(String address) {
        return jdbc.sql("select bounce_flagged_at is not null from contact where address = :address")
                .param("address", address).query(Boolean.class).single();
    }
}
