package org.relais.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionTest;
import org.relais.distribution.ListMailQueue;
import org.relais.distribution.ListMailTest;
import org.relais.distribution.ListReplies;
import org.relais.event.PipelineEvent;
import org.relais.support.RawMail;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/** The follow-up group hears of each pipeline event in its language: at once, or in one daily digest. */
class NotificationTest extends ListMailTest {

    @Autowired
    Digests digests;

    @Autowired
    ListMailQueue queue;

    @Test
    void eachMemberIsToldInItsLanguageAndAnEventReceivedTwiceIsToldOnce() throws Exception {
        PipelineEvent received = new PipelineEvent("document-received", "REL-2026-0601", "S1-ARGES",
                Map.of("fileName", "proces-verbal.docx", "sender", "arges@relais.test"));
        publish("events", received);
        publish("events", received);

        MimeMessage french = awaitMailsTo("suivi-fr@relais.test", "notification", 1).get(0);
        MimeMessage bulgarian = awaitMailsTo("suivi-bg@relais.test", "notification", 1).get(0);
        MimeMessage romanian = awaitMailsTo("suivi-md@relais.test", "notification", 1).get(0);
        assertThat(french.getSubject()).contains("Un document a été reçu");
        assertThat(DistributionTest.text(french)).contains("séminaire n° 1 (Argeș)", "REL-2026-0601",
                "Fichier : proces-verbal.docx");
        assertThat(bulgarian.getSubject()).contains("Получен е документ");
        assertThat(romanian.getSubject()).contains("Un document a fost primit");
        assertThat(french.getHeader("List-Id", null)).isEqualTo("Relais follow-up notifications <notification.relais.test>");
        settle();
        FOLLOW_UP.forEach(address -> assertThat(mailsTo(address, "notification")).as(address).hasSize(1));
        assertThat(mailsTo("uncjr@relais.test")).as("networks are not the follow-up group").isEmpty();
    }

    @Test
    void aSentFileNameIsToldInTheMembersLanguageAndOnOneLineWhateverLineBreaksItHolds() throws Exception {
        byte[] raw = RawMail.headers("arges@relais.test", "Buget seminar", "<crlf-name@arges.test>")
                .line("Content-Type: multipart/mixed; boundary=\"b1\"").line("")
                .textPart("b1", "text/plain; charset=UTF-8", "Bună ziua, bugetul este atașat.")
                .base64Part("b1", Spreadsheets.romanianForecast(), "Content-Type: " + Spreadsheets.XLSX,
                        "Content-Disposition: attachment;",
                        " filename*=UTF-8''buget%0D%0ABcc%3A%20victim%40evil.test%0D%0A.xlsx")
                .end("b1").bytes();

        mail().sendRaw("arges@relais.test", raw);

        String french = DistributionTest.text(awaitMailsTo("suivi-fr@relais.test", "notification", 1).get(0));
        assertThat(french).contains("Fichier : buget Bcc: victim@evil.test .xlsx")
                .doesNotContain("\nBcc:", "file :");
    }

    @Test
    void aForgedDigestRequestLeavesTheMembersNotificationsAsTheyWere() throws Exception {
        publish("events", new PipelineEvent("minutes-received", "REL-2026-0612", "S4-VARNA", Map.of()));
        MimeMessage notification = awaitMailsTo("suivi-bg@relais.test", "notification", 1).get(0);

        mail().from("suivi-bg@relais.test").subject("Re: " + notification.getSubject()).text("Обобщение, моля.")
                .send();

        assertThat(awaitMailsTo("suivi-bg@relais.test", "claim-confirmation", 1).get(0).getSubject())
                .contains("Вие ли изпратихте");
        settle();
        assertThat(jdbc.sql("select notification_mode from contact"
                + " where address = 'suivi-bg@relais.test'").query(String.class).single()).isEqualTo("each");
        assertThat(mailsTo("suivi-bg@relais.test", ListReplies.CONFIRMATION)).isEmpty();
    }

    @Test
    void aMemberWhoRepliesDigestGetsTheDaysEventsInOneMail() throws Exception {
        publish("events", new PipelineEvent("minutes-received", "REL-2026-0602", "S4-VARNA", Map.of()));
        MimeMessage notification = awaitMailsTo("suivi-bg@relais.test", "notification", 1).get(0);

        mail().from("suivi-bg@relais.test").answering(notification)
                .text("Обобщение, моля.\n\n> За едно обобщение на ден отговорете „обобщение“\n").send();
        assertThat(awaitMailsTo("suivi-bg@relais.test", ListReplies.CONFIRMATION, 1).get(0).getSubject())
                .contains("едно обобщение на ден");
        await().atMost(Duration.ofSeconds(10)).until(() -> "digest".equals(jdbc.sql(
                "select notification_mode from contact where address = 'suivi-bg@relais.test'")
                .query(String.class).single()));

        publish("events", new PipelineEvent("budget-verdict", "REL-2026-0603", "S4-VARNA",
                Map.of("verdict", "accepted")));
        publish("events", new PipelineEvent("review-requested", "REL-2026-0604", "S5-PAZARDZHIK", Map.of()));
        publish("events", new PipelineEvent("translations-complete", "REL-2026-0602", "S4-VARNA",
                Map.of("languages", "fr,ro,bg")));
        awaitMailsTo("suivi-fr@relais.test", "notification", 4);
        settle();
        assertThat(mailsTo("suivi-bg@relais.test", "notification")).hasSize(1);

        queue.queue(digests.send(Instant.now()));

        MimeMessage digest = awaitMailsTo("suivi-bg@relais.test", Digests.PURPOSE, 1).get(0);
        assertThat(digest.getSubject()).contains("обобщение за деня: 3");
        assertThat(DistributionTest.text(digest)).contains("Проверен е прогнозен бюджет", "Решение : приет",
                "Поискан е ваш преглед", "Преводите са завършени");
        assertThat(digest.getHeader("Content-Language", null)).isEqualTo("bg");

        assertThat(digests.send(Instant.now())).as("each event goes into one digest").isEmpty();
        assertThat(mailsTo("suivi-fr@relais.test", Digests.PURPOSE)).isEmpty();
    }
}
