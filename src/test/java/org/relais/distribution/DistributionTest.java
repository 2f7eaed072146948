package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingTicket;
import org.springframework.beans.factory.annotation.Autowired;

/** A document goes to each recipient of its policy once, in its language, with list headers — replays or not. */
public class DistributionTest extends ListMailTest {

    private static final Map<String, String> LANGUAGE = Map.ofEntries(Map.entry("suivi-fr@relais.test", "fr"),
            Map.entry("suivi-ro@relais.test", "ro"), Map.entry("suivi-bg@relais.test", "bg"),
            Map.entry("suivi-md@relais.test", "ro"), Map.entry("uncjr@relais.test", "ro"),
            Map.entry("anmrb@relais.test", "bg"), Map.entry("fonpc@relais.test", "ro"),
            Map.entry("cuf@relais.test", "fr"), Map.entry("rne@relais.test", "bg"),
            Map.entry("apscf@relais.test", "ro"), Map.entry("adf@relais.test", "fr"));

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void eachRecipientGetsItsOwnMailInItsLanguageWithListHeadersAndBothAlternatives() throws Exception {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0101", "minutes", "S1-ARGES", parts));

        for (var recipient : LANGUAGE.entrySet()) {
            List<MimeMessage> mails = awaitMailsTo(recipient.getKey(), "distribution", 1);
            MimeMessage mail = mails.get(0);
            String language = recipient.getValue();
            assertThat(mail.getHeader("Content-Language", null)).isEqualTo(language);
            assertThat(mail.getAllRecipients()).hasSize(1);
            assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
            assertThat(mail.getSubject()).matches(".*\\[REL-\\d{4}-\\d{4,}]$");
            assertThat(mail.getHeader("List-Id", null)).isEqualTo("Relais documents <distribution.relais.test>");
            String unsubscribe = MimeUtility.unfold(mail.getHeader("List-Unsubscribe", null));
            assertThat(unsubscribe).startsWith("<mailto:hub+r.").contains("@relais.test?subject=unsubscribe%20%5BREL-")
                    .contains(", <http://127.0.0.1:8080/list/unsubscribe/");
            assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            List<Part> leaves = leaves(mail);
            assertThat(leaves).extracting(p -> p.getContentType().split(";")[0].toLowerCase())
                    .contains("text/plain", "text/html");
            Part attachment = leaves.stream().filter(p -> fileName(p) != null).findFirst().orElseThrow();
            assertThat(attachment.getFileName()).isEqualTo("minutes_" + language + ".txt");
            assertThat(new String(attachment.getInputStream().readAllBytes())).isEqualTo(
                    "minutes S1-ARGES in " + language);
        }
        assertThat(text(mailsTo("suivi-fr@relais.test", "distribution").get(0)))
                .contains("Compte rendu de séminaire", "REL-2026-0101");
        assertThat(text(mailsTo("suivi-bg@relais.test", "distribution").get(0)))
                .contains("Протокол от семинар", "REL-2026-0101");
        assertThat(text(mailsTo("uncjr@relais.test", "distribution").get(0))).contains("Raport de seminar");
        assertThat(mailsTo("ambassade-ro@relais.test")).as("not in the minutes' audiences").isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(jdbc.sql(
                "select state from distribution where reference = 'REL-2026-0101'").query(String.class).single()));
        assertThat(jdbc.sql("select count(*) from distribution_ledger where state = 'sent'")
                .query(Integer.class).single()).isEqualTo(MINUTES_RECIPIENTS);
    }

    @Test
    void aReplayedDistributionSendsNothingTwiceAndTellsTheFollowUpGroupOnce() {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        DistributionRequest request = request("REL-2026-0102", "minutes", "S1-ARGES", parts);
        publish("distribution", request);
        publish("distribution", request);
        NETWORKS.forEach(address -> awaitMailsTo(address, "distribution", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(jdbc.sql(
                "select state from distribution where reference = 'REL-2026-0102'").query(String.class).single()));
        publish("distribution", request);

        settle();
        for (String address : LANGUAGE.keySet()) {
            assertThat(mailsTo(address, "distribution")).as(address).hasSize(1);
        }
        FOLLOW_UP.forEach(address -> assertThat(awaitMailsTo(address, "notification", 1)).as(address).hasSize(1));
        assertThat(jdbc.sql("select count(*) from delivery").query(Integer.class).single()).isEqualTo(MINUTES_RECIPIENTS);
    }

    @Test
    void minutesWaitUntilEveryLanguageIsThereThenGoOut() {
        var parts = storedVersions("varna@relais.test", "S4-VARNA", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0103", "minutes", "S4-VARNA",
                Map.of("bg", parts.get("bg"), "fr", parts.get("fr"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "waiting-languages".equals(jdbc.sql(
                "select state from distribution where reference = 'REL-2026-0103'").query(String.class).optional()
                .orElse(null)));
        assertThat(mailsTo("uncjr@relais.test")).isEmpty();

        publish("distribution", request("REL-2026-0103", "minutes", "S4-VARNA", parts));

        assertThat(awaitMailsTo("uncjr@relais.test", "distribution", 1)).hasSize(1);
        assertThat(awaitMailsTo("anmrb@relais.test", "distribution", 1)).hasSize(1);
    }

    @Test
    void aBudgetOutcomeGoesToTheSeminarsOrganiserAndTheFundersOnlyInTheNearestLanguage() throws Exception {
        var parts = storedVersions("coordination@relais.test", "S2-TULCEA", "budget-outcome", "fr");
        publish("distribution", request("REL-2026-0104", "budget-outcome", "S2-TULCEA", parts));

        MimeMessage toOrganiser = awaitMailsTo("tulcea@relais.test", "distribution", 1).get(0);
        awaitMailsTo("savoie@relais.test", "distribution", 1);
        awaitMailsTo("solidarite-laique@relais.test", "distribution", 1);
        assertThat(toOrganiser.getHeader("Content-Language", null)).as("no Romanian version: fallback").isEqualTo("fr");
        assertThat(text(toOrganiser)).contains("n'existe pas encore dans votre langue");
        settle();
        assertThat(mailsTo("arges@relais.test")).isEmpty();
        assertThat(mailsTo("uncjr@relais.test")).isEmpty();
    }

    @Test
    void aRestartMidSendResumesWithTheUnsentOnly() throws Exception {
        camel.getRouteController().stopRoute("distribution-send-mail");
        List<Long> sentBeforeTheCrash;
        try {
            var parts = storedVersions("neamt@relais.test", "S3-NEAMT", "minutes", "fr", "ro", "bg");
            publish("distribution", request("REL-2026-0105", "minutes", "S3-NEAMT", parts));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from delivery")
                    .query(Integer.class).single() == MINUTES_RECIPIENTS);
            // Three mails went out just before the crash; their tickets are still on the queue, unacknowledged.
            sentBeforeTheCrash = jdbc.sql("""
                            select o.id from delivery d join outgoing_mail o on o.id = d.outgoing_mail_id
                            where d.recipient in ('cuf@relais.test', 'suivi-fr@relais.test', 'anmrb@relais.test')
                            """).query(Long.class).list();
            sentBeforeTheCrash.forEach(id -> producer.requestBody("direct:mail-send-one", new OutgoingTicket(id)));
            // The tickets of two more were lost with the broker: only the ledger knows they are unsent.
            jms.setReceiveTimeout(2000);
            assertThat(jms.receive("distribution.outgoing")).isNotNull();
            assertThat(jms.receive("distribution.outgoing")).isNotNull();
            jdbc.sql("update outgoing_mail set created_at = now() - interval '1 hour'").update();
        } finally {
            camel.getRouteController().startRoute("distribution-send-mail");
        }

        for (String address : LANGUAGE.keySet()) {
            assertThat(awaitMailsTo(address, "distribution", 1)).as(address).hasSize(1);
        }
        settle();
        for (String address : LANGUAGE.keySet()) {
            assertThat(mailsTo(address, "distribution")).as(address).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from distribution_ledger where state = 'sent'")
                .query(Integer.class).single()).isEqualTo(MINUTES_RECIPIENTS);
        assertThat(sentBeforeTheCrash).hasSize(3);
    }

    @Test
    void anUnsubscribedOrBouncingContactIsSkippedAndTheLedgerSaysWhy() {
        jdbc.sql("update contact set unsubscribed_at = now() where address = 'cuf@relais.test'").update();
        jdbc.sql("update contact set bounce_flagged_at = now() where address = 'fonpc@relais.test'").update();
        var parts = storedVersions("cahul@relais.test", "S6-CAHUL", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0106", "minutes", "S6-CAHUL", parts));

        awaitMailsTo("uncjr@relais.test", "distribution", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "done".equals(jdbc.sql(
                "select state from distribution where reference = 'REL-2026-0106'").query(String.class).single()));
        assertThat(mailsTo("cuf@relais.test")).isEmpty();
        assertThat(mailsTo("fonpc@relais.test")).isEmpty();
        assertThat(jdbc.sql("select skipped from distribution_ledger where recipient = 'cuf@relais.test'")
                .query(String.class).single()).isEqualTo("unsubscribed");
        assertThat(jdbc.sql("select skipped from distribution_ledger where recipient = 'fonpc@relais.test'")
                .query(String.class).single()).isEqualTo("bounces");
    }

    static List<Part> leaves(Part part) throws Exception {
        List<Part> leaves = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                leaves.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    public static String text(MimeMessage mail) throws Exception {
        for (Part part : leaves(mail)) {
            if (part.isMimeType("text/plain") && fileName(part) == null) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no text part");
    }

    private static String fileName(Part part) {
        try {
            return part.getFileName();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
