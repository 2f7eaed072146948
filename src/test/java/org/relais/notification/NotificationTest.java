package org.relais.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionTest;
import org.relais.distribution.ListMailQueue;
import org.relais.distribution.ListMailTest;
import org.relais.distribution.ListReplies;
import org.relais.event.PipelineEvent;
import org.relais.support.RawMail;
import org.relais.support.Spreadsheets;
import org.relais.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up group hears of each pipeline event in its language: at once after a quiet period, the events that
 * follow within a minute gathered into one notice, or in one daily digest.
 */
class NotificationTest extends ListMailTest {

    @Autowired
    Digests digests;

    @Autowired
    ListMailQueue queue;

    @Autowired
    TestClock clock;

    @Autowired
    GatheredNotices gatheredNotices;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void eachMemberIsToldInItsLanguageAndAnEventReceivedTwiceIsToldOnce() throws Exception {
        PipelineEvent received = new PipelineEvent("document-received", "REL-2026-0601", "S1-ARGES",
                Map.of("kind", "supporting_document", "fileName", "factura-hotel.pdf", "sender", "arges@relais.test"));
        publish("events", received);
        publish("events", received);

        MimeMessage french = awaitMailsTo("suivi-fr@relais.test", Notices.PURPOSE, 1).get(0);
        MimeMessage bulgarian = awaitMailsTo("suivi-bg@relais.test", Notices.PURPOSE, 1).get(0);
        MimeMessage romanian = awaitMailsTo("suivi-md@relais.test", Notices.PURPOSE, 1).get(0);
        assertThat(french.getSubject())
                .isEqualTo("Document reçu : pièce justificative REL-2026-0601, séminaire n° 1 (Argeș)");
        assertThat(DistributionTest.text(french)).contains("Fichier : factura-hotel.pdf",
                "Expéditeur : arges@relais.test");
        assertThat(bulgarian.getSubject())
                .isEqualTo("Получен документ: разходооправдателен документ REL-2026-0601, семинар № 1 (Argeș)");
        assertThat(romanian.getSubject())
                .isEqualTo("Document primit: document justificativ REL-2026-0601, seminarul nr. 1 (Argeș)");
        assertThat(french.getHeader("List-Id", null)).isEqualTo("Relais follow-up notifications <notification.relais.test>");
        settle();
        FOLLOW_UP.forEach(address -> assertThat(mailsTo(address, Notices.PURPOSE)).as(address).hasSize(1));
        assertThat(mailsTo("uncjr@relais.test")).as("networks are not the follow-up group").isEmpty();
    }

    @Test
    void theMembersSubscriptionReferenceIsInTheFooterAndListUnsubscribeNotInTheSubject() throws Exception {
        publish("events", new PipelineEvent("minutes-received", "REL-2026-0611", "S4-VARNA",
                Map.of("kind", "minutes", "title", "Протокол Варна", "languages", "bg", "missing", "fr,ro")));

        MimeMessage notice = awaitMailsTo("suivi-bg@relais.test", Notices.PURPOSE, 1).get(0);
        String subscription = subscriptionOf("suivi-bg@relais.test");

        assertThat(notice.getSubject()).contains("REL-2026-0611", "протокол от семинар", "семинар № 4 (Varna)")
                .doesNotContain(subscription);
        assertThat(DistributionTest.text(notice)).contains("референцията на абонамента ви е " + subscription,
                "Версии: български", "Поискани преводи: френски, румънски");
        assertThat(MimeUtility.unfold(notice.getHeader("List-Unsubscribe", null)))
                .contains("subject=unsubscribe%20%5B" + subscription + "%5D", "/list/unsubscribe/");
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

        MimeMessage notice = awaitMailsTo("suivi-fr@relais.test", Notices.PURPOSE, 1).get(0);
        assertThat(notice.getSubject()).startsWith("Budget vérifié, conforme : budget prévisionnel REL-");
        assertThat(DistributionTest.text(notice)).contains("Fichier : buget Bcc: victim@evil.test .xlsx")
                .doesNotContain("\nBcc:", "file :");
        settle();
        assertThat(mailsTo("suivi-fr@relais.test", Notices.PURPOSE)).as("one notice for one mail").hasSize(1);
    }

    @Test
    void eventsFollowingWithinAMinuteAreGatheredIntoOneNoticeListingThem() throws Exception {
        publish("events", new PipelineEvent("document-received", "REL-2026-0621", "S2-TULCEA",
                Map.of("kind", "supporting_document", "fileName", "factura-1.pdf")));
        awaitMailsTo("suivi-ro@relais.test", Notices.PURPOSE, 1);
        publish("events", new PipelineEvent("document-received", "REL-2026-0622", "S2-TULCEA",
                Map.of("kind", "financial_report", "fileName", "raport-financiar.xlsx")));
        publish("events", new PipelineEvent("budget-verdict", "REL-2026-0623", "S5-PAZARDZHIK",
                Map.of("kind", "budget_forecast", "verdict", "rejected", "errors", "2", "fileName", "бюджет.xlsx")));
        await().atMost(Duration.ofSeconds(20)).until(() -> gathered("suivi-ro@relais.test") == 2);
        settle();
        assertThat(mailsTo("suivi-ro@relais.test", Notices.PURPOSE)).as("the two others wait").hasSize(1);

        clock.set(Instant.now().plus(Duration.ofSeconds(61)));

        MimeMessage gathered = awaitMailsTo("suivi-ro@relais.test", Notices.PURPOSE, 2).get(1);
        assertThat(gathered.getSubject()).isEqualTo("Relais — 2 evenimente reunite într-un mesaj");
        assertThat(DistributionTest.text(gathered)).contains(
                "Document primit: raport financiar REL-2026-0622, seminarul nr. 2 (Tulcea)",
                "Fișier: raport-financiar.xlsx",
                "Buget verificat, de corectat: buget previzional REL-2026-0623, seminarul nr. 5 (Pazardzhik)",
                "Puncte de corectat: 2");
        assertThat(DistributionTest.text(awaitMailsTo("suivi-fr@relais.test", Notices.PURPOSE, 2).get(1)))
                .contains("Document reçu : compte-rendu financier REL-2026-0622, séminaire n° 2 (Tulcea)");
        settle();
        FOLLOW_UP.forEach(address -> assertThat(mailsTo(address, Notices.PURPOSE)).as(address).hasSize(2));
        assertThat(gathered("suivi-ro@relais.test")).as("each event told once").isZero();
        assertThat(gatheredNotices.sendDue()).as("a gathered notice is written once").isEmpty();
    }

    @Test
    void aMemberWhoUnsubscribesWhileEventsAreGatheredGetsNoGatheredNotice() throws Exception {
        publish("events", new PipelineEvent("document-received", "REL-2026-0631", "S3-NEAMT",
                Map.of("kind", "attendance", "fileName", "prezenta.xlsx")));
        awaitMailsTo("suivi-md@relais.test", Notices.PURPOSE, 1);
        publish("events", new PipelineEvent("document-received", "REL-2026-0632", "S3-NEAMT",
                Map.of("kind", "supporting_document", "fileName", "factura-7.pdf")));
        await().atMost(Duration.ofSeconds(20)).until(() -> gathered("suivi-md@relais.test") == 1);
        jdbc.sql("update contact set unsubscribed_at = now() where address = 'suivi-md@relais.test'").update();

        clock.set(Instant.now().plus(Duration.ofSeconds(61)));

        MimeMessage toRomania = awaitMailsTo("suivi-ro@relais.test", Notices.PURPOSE, 2).get(1);
        assertThat(toRomania.getSubject()).as("one event gathered: its notice names the document")
                .isEqualTo("Document primit: document justificativ REL-2026-0632, seminarul nr. 3 (Neamț)");
        settle();
        assertThat(mailsTo("suivi-md@relais.test", Notices.PURPOSE)).hasSize(1);
        assertThat(jdbc.sql("select skipped from notification where recipient = 'suivi-md@relais.test'"
                + " and mode = 'gathered'").query(String.class).single()).isEqualTo("unsubscribed");
    }

    @Test
    void aForgedDigestRequestLeavesTheMembersNotificationsAsTheyWere() throws Exception {
        publish("events", new PipelineEvent("minutes-received", "REL-2026-0612", "S4-VARNA", Map.of("kind", "minutes")));
        MimeMessage notification = awaitMailsTo("suivi-bg@relais.test", Notices.PURPOSE, 1).get(0);

        // the subscription reference is in the notice's footer: anyone who saw one can write as the member
        mail().from("suivi-bg@relais.test")
                .subject("Re: " + notification.getSubject() + " [" + subscriptionOf("suivi-bg@relais.test") + "]")
                .text("Обобщение, моля.").send();

        assertThat(awaitMailsTo("suivi-bg@relais.test", "claim-confirmation", 1).get(0).getSubject())
                .contains("Вие ли изпратихте");
        settle();
        assertThat(jdbc.sql("select notification_mode from contact"
                + " where address = 'suivi-bg@relais.test'").query(String.class).single()).isEqualTo("each");
        assertThat(mailsTo("suivi-bg@relais.test", ListReplies.CONFIRMATION)).isEmpty();
    }

    @Test
    void aMemberWhoRepliesDigestGetsTheDaysEventsInOneMail() throws Exception {
        publish("events", new PipelineEvent("minutes-received", "REL-2026-0602", "S4-VARNA", Map.of("kind", "minutes")));
        MimeMessage notification = awaitMailsTo("suivi-bg@relais.test", Notices.PURPOSE, 1).get(0);

        mail().from("suivi-bg@relais.test").answering(notification)
                .text("Обобщение, моля.\n\n> За едно обобщение на ден отговорете „обобщение“\n").send();
        assertThat(awaitMailsTo("suivi-bg@relais.test", ListReplies.CONFIRMATION, 1).get(0).getSubject())
                .contains("едно обобщение на ден");
        await().atMost(Duration.ofSeconds(10)).until(() -> "digest".equals(jdbc.sql(
                "select notification_mode from contact where address = 'suivi-bg@relais.test'")
                .query(String.class).single()));

        publish("events", new PipelineEvent("budget-verdict", "REL-2026-0603", "S4-VARNA",
                Map.of("kind", "budget_forecast", "verdict", "accepted")));
        publish("events", new PipelineEvent("document-received", "REL-2026-0604", "S5-PAZARDZHIK",
                Map.of("kind", "attendance", "fileName", "присъствие.xlsx")));
        publish("events", new PipelineEvent("translations-complete", "REL-2026-0602", "S4-VARNA",
                Map.of("kind", "minutes", "languages", "fr,ro,bg", "completedBy", "all-languages")));
        await().atMost(Duration.ofSeconds(20)).until(() -> gathered("suivi-fr@relais.test") == 3);
        clock.set(Instant.now().plus(Duration.ofSeconds(61)));
        awaitMailsTo("suivi-fr@relais.test", Notices.PURPOSE, 2);
        settle();
        assertThat(mailsTo("suivi-bg@relais.test", Notices.PURPOSE)).hasSize(1);

        queue.queue(digests.send(Instant.now()));

        MimeMessage digest = awaitMailsTo("suivi-bg@relais.test", Notices.DIGEST_PURPOSE, 1).get(0);
        assertThat(digest.getSubject()).contains("обобщение за деня: 3");
        assertThat(DistributionTest.text(digest)).contains(
                "Проверен бюджет, съответства: прогнозен бюджет REL-2026-0603, семинар № 4 (Varna)",
                "Получен документ: присъствен списък REL-2026-0604, семинар № 5 (Pazardzhik)",
                "Преводите са готови: протокол от семинар REL-2026-0602", "Версии: френски, румънски, български");
        assertThat(digest.getHeader("Content-Language", null)).isEqualTo("bg");

        assertThat(digests.send(Instant.now())).as("each event goes into one digest").isEmpty();
        assertThat(mailsTo("suivi-fr@relais.test", Notices.DIGEST_PURPOSE)).isEmpty();
    }

    private int gathered(String member) {
        return jdbc.sql("""
                        select count(*) from notification
                        where recipient = :member and mode = 'gathered' and outgoing_mail_id is null
                        """)
                .param("member", member).query(Integer.class).single();
    }

    private String subscriptionOf(String member) {
        return jdbc.sql("select list_reference from contact where address = :member")
                .param("member", member).query(String.class).single();
    }
}
