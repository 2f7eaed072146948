package org.relais.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.ListMailTest;
import org.relais.distribution.Schedules;
import org.relais.support.ConsoleClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Newsletters composed from the database, in each reader's language, on a schedule or at the console's request. */
class NewsletterTest extends ListMailTest {

    @Autowired
    NewsletterService newsletters;

    @Autowired
    Schedules schedules;

    @LocalServerPort
    int port;

    @BeforeEach
    void seminarOneHeldWithMinutesDistributedAndSeminarTwosBudgetAccepted() {
        Map<String, Long> minutes = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        long mailId = jdbc.sql("select mail_id from mail_part where id = :id").param("id", minutes.get("ro"))
                .query(Long.class).single();
        jdbc.sql("""
                insert into document (reference, mail_id, part_id, kind, flow, seminar_code, sender, language,
                                      file_name, created_at)
                values ('REL-2026-0701', :mailId, :partId, 'minutes', 'minutes', 'S1-ARGES', 'arges@relais.test',
                        'ro', 'minutes_ro.txt', timestamp '2026-09-30 10:00:00+02')
                """).param("mailId", mailId).param("partId", minutes.get("ro")).update();
        long distributionId = jdbc.sql("""
                insert into distribution (reference, kind, seminar_code, title, state)
                values ('REL-2026-0701', 'minutes', 'S1-ARGES', 'Proces-verbal Argeș', 'done') returning id
                """).query(Long.class).single();
        minutes.forEach((language, partId) -> jdbc.sql("""
                insert into distribution_version (distribution_id, language, part_id, file_name)
                values (:id, :language, :partId, :fileName)
                """).param("id", distributionId).param("language", language).param("partId", partId)
                .param("fileName", "minutes_" + language + ".txt").update());
        Map<String, Long> budget = storedVersions("tulcea@relais.test", "S2-TULCEA", "budget_forecast", "ro");
        long budgetMail = jdbc.sql("select mail_id from mail_part where id = :id").param("id", budget.get("ro"))
                .query(Long.class).single();
        long documentId = jdbc.sql("""
                insert into document (reference, mail_id, part_id, kind, flow, seminar_code, sender, language)
                values ('REL-2026-0702', :mailId, :partId, 'budget_forecast', 'budget', 'S2-TULCEA',
                        'tulcea@relais.test', 'ro') returning id
                """).param("mailId", budgetMail).param("partId", budget.get("ro")).query(Long.class).single();
        jdbc.sql("""
                insert into budget (document_id, reference, seminar_code, kind, version, verdict)
                values (:documentId, 'REL-2026-0702', 'S2-TULCEA', 'budget_forecast', 1, 'accepted')
                """).param("documentId", documentId).update();
    }

    @Test
    void anIssueRendersInFrenchRomanianAndBulgarianFromTheDatabase() {
        NewsletterService.Preview french = newsletters.preview("monthly-networks", "fr");
        NewsletterService.Preview romanian = newsletters.preview("monthly-networks", "ro");
        NewsletterService.Preview bulgarian = newsletters.preview("monthly-networks", "bg");

        assertThat(french.subject()).startsWith("Lettre d'information du partenariat");
        assertThat(french.text()).contains("Séminaires tenus", "séminaire n° 1 (Argeș)",
                "Consiliul Județean Argeș", "compte rendu reçu le 30 septembre 2026",
                "Séminaires à venir", "séminaire n° 2 (Tulcea)", "Budget : accepté (version 1)",
                "Compte rendu de séminaire — séminaire n° 1 (Argeș) : « Proces-verbal Argeș » (REL-2026-0701)",
                "/list/documents/", "minutes_bg.txt");
        assertThat(french.html()).contains("<h2 style=\"font-size: 17px;\">Séminaires tenus</h2>", "href=\"http://");
        assertThat(romanian.text()).contains("Seminare desfășurate", "raport primit la", "Seminare viitoare",
                "Buget: acceptat (versiunea 1)", "Raport de seminar");
        assertThat(bulgarian.text()).contains("Проведени семинари", "протоколът е получен на", "Предстоящи семинари",
                "Бюджет: приет (версия 1)", "Протокол от семинар");
        assertThat(french.recipients()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void sendNowGivesEachMemberOneIssueInItsLanguageOnceEvenIfClickedTwice() throws Exception {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        HttpResponse<String> first = coordinator.postJson("/api/newsletters/monthly-networks/send", "{}");
        coordinator.postJson("/api/newsletters/monthly-networks/send", "{}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"schedule\":\"monthly-networks\"");
        Map<String, String> readers = Map.of("uncjr@relais.test", "ro", "anmrb@relais.test", "bg",
                "cuf@relais.test", "fr", "arges@relais.test", "ro", "savoie@relais.test", "fr",
                "comrat@relais.test", "ru");
        for (var reader : readers.entrySet()) {
            MimeMessage issue = awaitMailsTo(reader.getKey(), "newsletter", 1).get(0);
            assertThat(issue.getHeader("Content-Language", null)).isEqualTo(reader.getValue());
            assertThat(issue.getHeader("List-Id", null)).isEqualTo("Relais newsletter <newsletter.relais.test>");
        }
        settle();
        readers.keySet().forEach(address -> assertThat(mailsTo(address, "newsletter")).as(address).hasSize(1));
        assertThat(mailsTo("ambassade-ro@relais.test")).as("embassies get the quarterly issue").isEmpty();
    }

    @Test
    void aScheduleIsDueOnceForEachTimeAndNotForThePastAtFirstSight() {
        Instant start = Instant.parse("2026-12-01T06:00:00Z");
        String name = "test-" + System.nanoTime();
        String daily = "0 0 9 * * *";

        assertThat(schedules.claimDue(name, daily, "Europe/Paris", start)).isEmpty();
        assertThat(schedules.claimDue(name, daily, "Europe/Paris", start.plus(1, ChronoUnit.HOURS))).isEmpty();
        var due = schedules.claimDue(name, daily, "Europe/Paris", start.plus(3, ChronoUnit.DAYS));
        assertThat(due).map(time -> time.toInstant().toString()).contains("2026-12-03T08:00:00Z");
        assertThat(schedules.claimDue(name, daily, "Europe/Paris", start.plus(3, ChronoUnit.DAYS))).isEmpty();
        assertThat(List.of(newsletters.schedules().get(0).name())).containsExactly("monthly-networks");
    }
}
