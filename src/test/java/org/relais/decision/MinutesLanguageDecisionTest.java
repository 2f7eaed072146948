package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.minutes.MinutesFiles;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.LibreTranslateStub;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Minutes whose language the detector cannot tell wait for the coordinators, who are asked by mail with the answers
 * they may give; they set it from the console or by replying, and the translations are asked. A reply not bound to
 * the request sets nothing.
 */
class MinutesLanguageDecisionTest extends HubTest {

    private static final String COORDINATOR = "coordination@relais.test";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @LocalServerPort
    int port;

    @BeforeEach
    void aMachineThatKnowsNothing() {
        LibreTranslateStub.shared().reset();
    }

    @Test
    void theCoordinatorsAreAskedForTheLanguageAndSetItFromTheConsole() throws Exception {
        String reference = minutesInAnUncertainLanguage();
        assertThat((String) mailsTo("varna@relais.test", "minutes-received").get(0).getContent())
                .contains("езикът не беше разпознат със сигурност");
        assertThat(jdbc.sql("select count(*) from translation_job").query(Integer.class).single()).isZero();
        MimeMessage request = awaitMailsTo(COORDINATOR, "minutes-language", 1).get(0);
        assertThat(request.getSubject()).contains("[" + reference + "]", "Langue à fixer");
        assertThat((String) request.getContent()).contains("1. « Протокол Варна.docx »",
                "Répondez à ce message en écrivant la langue du document : français, roumain, bulgare, russe, anglais");
        long document = jdbc.sql("select document_id from minutes_document").query(Long.class).single();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/documents/" + reference + "?lang=ro").body())
                .contains("Limba documentului „Протокол Варна.docx”", "Stabilește limba");

        var answer = coordinator.post("/documents/" + reference + "/decisions/language/" + document,
                Map.of("language", "bg"));

        assertThat(answer.statusCode()).isEqualTo(302);
        awaitMailsTo("traduction-fr@relais.test", "translation-job", 1);
        awaitMailsTo("traducere-ro@relais.test", "translation-job", 1);
        assertThat(jdbc.sql("select language || ' ' || language_state || ' ' || language_set_by from minutes_document")
                .query(String.class).single()).isEqualTo("bg set coordinator");
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || outcome from console_action where target = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("coordinator decision.language done");
        assertThat(coordinator.get("/documents/" + reference).body()).contains("Decizii luate")
                .doesNotContain("Stabilește limba");
    }

    @Test
    void aCoordinatorsReplyNamingTheLanguageStartsTheTranslations() throws Exception {
        String reference = minutesInAnUncertainLanguage();
        MimeMessage request = awaitMailsTo(COORDINATOR, "minutes-language", 1).get(0);

        mail().from(COORDINATOR).answering(request).text("Ce document est en bulgare.\n\n-- \nCoordination").send();

        MimeMessage noted = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat(noted.getSubject()).contains("décision enregistrée");
        assertThat((String) noted.getContent()).contains("« Протокол Варна.docx » est en bulgare");
        awaitMailsTo("traduction-fr@relais.test", "translation-job", 1);
        awaitMailsTo("traducere-ro@relais.test", "translation-job", 1);
        assertThat(jdbc.sql("select language || ' ' || language_set_by from minutes_document")
                .query(String.class).single()).isEqualTo("bg " + COORDINATOR);
    }

    @Test
    void aLanguageWrittenUnderTheReferenceButNotInReplyToTheRequestSetsNothing() throws Exception {
        String reference = minutesInAnUncertainLanguage();
        awaitMailsTo(COORDINATOR, "minutes-language", 1);

        mail().from(COORDINATOR).subject("[" + reference + "] langue").text("български").send();

        awaitMailsTo(COORDINATOR, "claim-confirmation", 1);
        settle();
        assertThat(jdbc.sql("select language_state from minutes_document").query(String.class).single())
                .isEqualTo("uncertain");
        assertThat(jdbc.sql("select count(*) from translation_job").query(Integer.class).single()).isZero();
        assertThat(mailsTo(COORDINATOR, "decision-answer")).isEmpty();
    }

    /** A short Bulgarian text among figures, as the Varna organiser might send it: the detector is not sure. */
    private String minutesInAnUncertainLanguage() {
        mail().from("varna@relais.test").subject("Протокол Варна")
                .attach("Протокол Варна.docx", MinutesFiles.docx("Варна, 12-13.11.2009", "Participanți: 45"), DOCX)
                .send();
        awaitMailsTo("varna@relais.test", "minutes-received", 1);
        return jdbc.sql("select reference from minutes").query(String.class).single();
    }
}
