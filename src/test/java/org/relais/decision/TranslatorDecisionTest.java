package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.Sentences;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A translation nobody does (here the machine fails and no translator is configured for Bulgarian): the coordinators
 * are asked, and give the job to a translator of the directory they name, from the console or by replying with the
 * address; the translator gets the job by mail. A reply not bound to the request gives nothing to anyone.
 */
class TranslatorDecisionTest extends HubTest {

    private static final String COORDINATOR = "coordination@relais.test";
    private static final String BULGARIAN_TRANSLATOR = "prevod-bg@relais.test";

    @LocalServerPort
    int port;

    @BeforeEach
    void aMachineThatKnowsNothing() {
        LibreTranslateStub.shared().reset();
    }

    @Test
    void aCoordinatorGivesTheJobToATranslatorFromTheConsole() throws Exception {
        String reference = minutesWhoseBulgarianNobodyDoes();
        long job = bulgarianJob();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/documents/" + reference + "?lang=fr").body())
                .contains("Traduction vers :", "personne ne s&#39;en charge", "Confier la traduction",
                        "Преводач на български език &lt;" + BULGARIAN_TRANSLATOR + "&gt;");

        var answer = coordinator.post("/documents/" + reference + "/decisions/translation/" + job,
                Map.of("translator", BULGARIAN_TRANSLATOR));

        assertThat(answer.statusCode()).isEqualTo(302);
        MimeMessage given = awaitMailsTo(BULGARIAN_TRANSLATOR, "translation-job", 1).get(0);
        assertThat(given.getSubject()).contains("[" + reference + "]");
        assertThat(jdbc.sql("select state from translation_job where id = :id").param("id", job)
                .query(String.class).single()).isEqualTo("with-translator");
        assertThat(jdbc.sql("select translator || ' ' || outcome from translation_assignment where job_id = :id")
                .param("id", job).query(String.class).single()).isEqualTo(BULGARIAN_TRANSLATOR + " pending");
        assertThat(jdbc.sql("select action || ' ' || outcome || ' ' || detail from console_action where target = :r")
                .param("r", reference).query(String.class).single())
                .isEqualTo("decision.translator done job " + job + ": " + BULGARIAN_TRANSLATOR);
    }

    @Test
    void aCoordinatorsReplyNamingATranslatorGivesThemTheJobOfTheirLanguage() throws Exception {
        String reference = minutesWhoseBulgarianNobodyDoes();
        MimeMessage escalation = awaitMailsTo(COORDINATOR, "translation-escalation", 1).get(0);
        assertThat((String) escalation.getContent()).contains(
                "avec l'adresse d'un traducteur de l'annuaire pour lui confier cette traduction (par exemple "
                        + BULGARIAN_TRANSLATOR + ")");

        // a translator into French does not translate into Romanian or Bulgarian: which job would it be?
        mail().from(COORDINATOR).answering(escalation).text("traduction-fr@relais.test").send();
        MimeMessage refused = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat(refused.getSubject()).contains("décision non appliquée");
        assertThat((String) refused.getContent()).contains("traduction-fr@relais.test ne traduit vers aucune des "
                + "langues qui attendent (roumain, bulgare)");

        mail().from(COORDINATOR).answering(escalation)
                .text("Confiez-la à " + BULGARIAN_TRANSLATOR + ", elle est disponible.\n--\n" + COORDINATOR).send();

        MimeMessage noted = awaitMailsTo(COORDINATOR, "decision-answer", 2).get(1);
        assertThat((String) noted.getContent()).contains("la traduction vers le bulgare est confiée à "
                + "Преводач на български език (" + BULGARIAN_TRANSLATOR + ")");
        awaitMailsTo(BULGARIAN_TRANSLATOR, "translation-job", 1);
        assertThat(jdbc.sql("select state from translation_job where id = :id").param("id", bulgarianJob())
                .query(String.class).single()).isEqualTo("with-translator");
    }

    @Test
    void anAddressWrittenUnderTheReferenceButNotInReplyToTheRequestGivesNothing() throws Exception {
        String reference = minutesWhoseBulgarianNobodyDoes();
        awaitMailsTo(COORDINATOR, "translation-escalation", 1);

        mail().from(COORDINATOR).subject("[" + reference + "] traduction").text(BULGARIAN_TRANSLATOR).send();

        awaitMailsTo(COORDINATOR, "claim-confirmation", 1);
        settle();
        assertThat(mailsTo(BULGARIAN_TRANSLATOR)).isEmpty();
        assertThat(jdbc.sql("select state from translation_job where id = :id").param("id", bulgarianJob())
                .query(String.class).single()).isEqualTo("waiting-coordinator");
    }

    /** French minutes: Romanian goes to its translator, Bulgarian (machine only here) fails and waits. */
    private String minutesWhoseBulgarianNobodyDoes() {
        mail().from("savoie@relais.test").subject("Compte rendu du séminaire d'Argeș")
                .text(Sentences.FRENCH + "\n\n" + Sentences.FRENCH.replace("septembre", "octobre")).send();
        awaitMailsTo(COORDINATOR, "translation-escalation", 1);
        return jdbc.sql("select reference from minutes").query(String.class).single();
    }

    private long bulgarianJob() {
        return jdbc.sql("select id from translation_job where target_language = 'bg'").query(Long.class).single();
    }
}
