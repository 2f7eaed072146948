package org.relais.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionTest;
import org.relais.distribution.ListMailTest;
import org.relais.support.Files;
import org.relais.support.InternalCodes;
import org.relais.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * During a burst of mails from the partners, each follow-up member hears of every document in a handful of notices
 * in its language, not in one (or two) per mail: the first at once, the others gathered.
 */
class NotificationBurstTest extends ListMailTest {

    private static final int MAILS = 200;
    /** Partners writing in the burst, each with a receipt subject in its language. */
    private static final Map<String, String> SUBJECTS = Map.of(
            "arges@relais.test", "Factură cazare nr. %d",
            "tulcea@relais.test", "Chitanță transport nr. %d",
            "varna@relais.test", "Фактура за хотел № %d",
            "pazardzhik@relais.test", "Разписка № %d",
            "cahul@relais.test", "Factura nr. %d",
            "savoie@relais.test", "Facture d'hôtel n° %d",
            "solidarite-laique@relais.test", "Justificatif de transport n° %d");
    private static final Pattern REFERENCE = Pattern.compile("REL-\\d{4}-\\d{4,}");
    private static final InternalCodes CODES = InternalCodes.ofConfiguration();

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void eachMemberHearsOfEveryDocumentOfABurstInAHandfulOfNoticesInItsLanguage() throws Exception {
        List<String> senders = List.copyOf(new TreeSet<>(SUBJECTS.keySet()));
        for (int i = 1; i <= MAILS; i++) {
            String sender = senders.get(i % senders.size());
            mail().from(sender).subject(SUBJECTS.get(sender).formatted(i)).text("Ci-joint / atașat / приложено.")
                    .attach("receipt-" + i + ".pdf", Files.pdf("Receipt " + i), "application/pdf").send();
            if (i == 1) {
                // the first document's event is the first told (intake's consumers take the others in any order)
                await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from pipeline_event") == 1);
            }
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from pipeline_event") == MAILS);
        clock.set(Instant.now().plus(Duration.ofSeconds(61)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from notification where mode = 'gathered' and outgoing_mail_id is null""") == 0);
        settle();

        Set<String> documents = new TreeSet<>(jdbc.sql("select reference from inbound_mail where state = 'processed'")
                .query(String.class).list());
        assertThat(documents).hasSize(MAILS);
        Map<String, String> languages = Map.of("suivi-fr@relais.test", "pièce justificative",
                "suivi-ro@relais.test", "document justificativ", "suivi-md@relais.test", "document justificativ",
                "suivi-bg@relais.test", "разходооправдателен документ");
        for (String member : FOLLOW_UP) {
            List<MimeMessage> notices = mailsTo(member, Notices.PURPOSE);
            assertThat(notices).as(member + ": at once, then gathered").hasSizeBetween(2, 5);
            String subscription = jdbc.sql("select list_reference from contact where address = :member")
                    .param("member", member).query(String.class).single();
            Set<String> told = new TreeSet<>();
            for (MimeMessage notice : notices) {
                String text = DistributionTest.text(notice);
                assertThat(text).as(member).contains(languages.get(member), subscription);
                assertThat(notice.getSubject()).as(member).doesNotContain(subscription);
                assertThat(MimeUtility.unfold(notice.getHeader("List-Unsubscribe", null))).contains(subscription);
                assertThat(CODES.inMail(notice)).as(member + ": " + notice.getSubject()).isEmpty();
                told.addAll(references(text));
            }
            told.remove(subscription);
            assertThat(told).as(member + ": every document, once told").isEqualTo(documents);
        }
        MimeMessage first = mailsTo("suivi-fr@relais.test", Notices.PURPOSE).get(0);
        assertThat(first.getSubject()).as("the first event is told at once, its document named")
                .matches("Document reçu : pièce justificative REL-\\d{4}-\\d{4,}, séminaire n° \\d \\(.+\\)");
        assertThat(mailsTo("suivi-bg@relais.test", Notices.PURPOSE).get(1).getSubject())
                .matches("Relais — \\d+ събития, събрани в едно съобщение");

        List<String> leaks = new ArrayList<>();
        for (String sender : senders) {
            for (MimeMessage answer : mailsTo(sender)) {
                String subject = answer.getSubject();
                CODES.inMail(answer).forEach(code -> leaks.add(sender + " «" + subject + "»: " + code));
            }
        }
        assertThat(leaks).as("what the partners were answered").isEmpty();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static Set<String> references(String text) {
        Set<String> references = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(text);
        while (matcher.find()) {
            references.add(matcher.group());
        }
        return references;
    }
}
