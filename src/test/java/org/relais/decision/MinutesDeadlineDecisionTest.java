package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.Sentences;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Minutes still missing a translation when their deadline passes: the coordinators are told, with the words they may
 * answer, and circulate them with the versions there are or give them more days, from the console or by replying.
 * A reply not bound to the notice decides nothing.
 */
class MinutesDeadlineDecisionTest extends HubTest {

    private static final String COORDINATOR = "coordination@relais.test";

    @LocalServerPort
    int port;

    @BeforeEach
    void aMachineThatKnowsNothing() {
        LibreTranslateStub.shared().reset();
    }

    @Test
    void aCoordinatorCirculatesOverdueMinutesFromTheConsole() throws Exception {
        String reference = overdueMinutes();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/documents/" + reference + "?lang=bg").body())
                .contains("Протокол, който чака версии", "налични:", "френски", "Разпрати сега", "Удължи срока");

        var answer = coordinator.post("/documents/" + reference + "/decisions/circulate", Map.of());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select state || ' ' || completed_by from minutes").query(String.class).single())
                .isEqualTo("complete coordinator");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from distribution where reference = :r").param("r", reference)
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select action || ' ' || outcome from console_action where target = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("decision.circulate done");
        assertThat(coordinator.get("/documents/" + reference).body()).contains("Взети решения")
                .doesNotContain("Разпрати сега");
    }

    @Test
    void aCoordinatorGivesOverdueMinutesMoreDaysFromTheConsoleWithinOneCompletionPeriod() throws Exception {
        String reference = overdueMinutes();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        coordinator.post("/documents/" + reference + "/decisions/extend", Map.of("days", "60"));
        assertThat(jdbc.sql("select outcome || ' ' || detail from console_action where target = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("refused 60 days (extension)");
        coordinator.post("/documents/" + reference + "/decisions/extend", Map.of("days", "10"));

        assertThat(deadline()).isBetween(Instant.now().plus(Duration.ofDays(9)),
                Instant.now().plus(Duration.ofDays(11)));
        assertThat(jdbc.sql("select state || ' ' || (overdue_notified_at is null) from minutes")
                .query(String.class).single()).isEqualTo("collecting true");
    }

    @Test
    void aCoordinatorsRepliesGiveMoreDaysThenCirculateTheMinutes() throws Exception {
        String reference = overdueMinutes();
        MimeMessage overdue = awaitMailsTo(COORDINATOR, "minutes-overdue", 1).get(0);
        assertThat((String) overdue.getContent()).contains("Répondez à ce message par « diffuser » pour le diffuser",
                "ou par « prolonger 14 » pour repousser l'échéance de 14 jours");

        mail().from(COORDINATOR).answering(overdue).text("Prolonger de 10 jours, la traductrice est malade.").send();

        MimeMessage extended = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat((String) extended.getContent()).contains("l'échéance du compte rendu est repoussée au");
        assertThat(deadline()).isBetween(Instant.now().plus(Duration.ofDays(9)),
                Instant.now().plus(Duration.ofDays(11)));

        mail().from(COORDINATOR).answering(overdue).text("Difuzați, vă rog.").send();

        MimeMessage circulated = awaitMailsTo(COORDINATOR, "decision-answer", 2).get(1);
        assertThat((String) circulated.getContent()).contains(
                "le compte rendu est diffusé avec les versions disponibles (français)");
        assertThat(jdbc.sql("select state || ' ' || completed_by from minutes").query(String.class).single())
                .isEqualTo("complete " + COORDINATOR);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from distribution where reference = :r").param("r", reference)
                .query(Integer.class).single() == 1);
    }

    @Test
    void aForgedCirculateDecidesNothing() throws Exception {
        String reference = overdueMinutes();
        MimeMessage overdue = awaitMailsTo(COORDINATOR, "minutes-overdue", 1).get(0);

        mail().from(COORDINATOR).subject("[" + reference + "] diffuser").text("Diffuser.").send();
        mail().from("savoie@relais.test").answering(overdue).text("Diffuser.").send();

        awaitMailsTo(COORDINATOR, "claim-confirmation", 1);
        settle();
        assertThat(jdbc.sql("select state from minutes").query(String.class).single()).isEqualTo("collecting");
        assertThat(mailsTo(COORDINATOR, "decision-answer")).isEmpty();
    }

    /** French minutes the machine cannot translate, past their deadline: the coordinators are told. */
    private String overdueMinutes() {
        mail().from("savoie@relais.test").subject("Compte rendu du séminaire d'Argeș")
                .text(Sentences.FRENCH + "\n\n" + Sentences.FRENCH.replace("septembre", "octobre")).send();
        awaitMailsTo("savoie@relais.test", "minutes-received", 1);
        jdbc.sql("update minutes set deadline = now() - interval '1 second'").update();
        awaitMailsTo(COORDINATOR, "minutes-overdue", 1);
        return jdbc.sql("select reference from minutes").query(String.class).single();
    }

    private Instant deadline() {
        return jdbc.sql("select deadline from minutes").query(java.sql.Timestamp.class).single().toInstant();
    }
}
