package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.distribution.OutreachTexts.AUTHORITIES_BG;
import static org.relais.distribution.OutreachTexts.CONCLUSIONS_FR;
import static org.relais.distribution.OutreachTexts.CONCLUSIONS_RO;
import static org.relais.distribution.OutreachTexts.CONCLUSIONS_TITLE_FR;
import static org.relais.distribution.OutreachTexts.CONCLUSIONS_TITLE_RO;
import static org.relais.distribution.OutreachTexts.COORDINATOR;
import static org.relais.distribution.OutreachTexts.DOCX;
import static org.relais.distribution.OutreachTexts.PRESS_BG;
import static org.relais.distribution.OutreachTexts.PRESS_FR;
import static org.relais.distribution.OutreachTexts.PRESS_RO;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.distribution.ListMailTest;
import org.relais.distribution.OutreachTexts;
import org.relais.minutes.MinutesFiles;
import org.relais.support.ConsoleClient;
import org.relais.support.LibreTranslateStub;
import org.relais.translation.FlowMailbox;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outreach from the console, over HTTP as a browser posts the forms: a coordinator gives the hub a press release
 * with its kind and seminar chosen (whatever its files are called), and corrects the seminar of conclusions still
 * being translated; both are recorded as the coordinator's actions, and observers can do neither.
 */
class OutreachConsoleTest extends ListMailTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void aMachineThatKnowsTheConclusions() {
        OutreachTexts.teachTheConclusions(LibreTranslateStub.shared());
    }

    @Test
    void aPressReleaseUploadedWithItsKindAndSeminarReachesThePressOfThatPlace() throws Exception {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        String form = coordinator.get("/documents/upload?lang=bg").body();
        assertThat(form).contains("Предаване на документ за разпространение", "прессъобщение",
                "цялата програма", "4. Séminaire de Varna").doesNotContain(">press_release<");

        HttpResponse<String> sent = coordinator.postMultipart("/documents/upload",
                Map.of("kind", "press_release", "seminar", "S4-VARNA", "note", "Pour la presse locale."), List.of(
                        new ConsoleClient.FilePart("files", "12-novembre.docx", DOCX, MinutesFiles.docx(PRESS_FR)),
                        new ConsoleClient.FilePart("files", "12-noiembrie.docx", DOCX, MinutesFiles.docx(PRESS_RO)),
                        new ConsoleClient.FilePart("files", "12 ноември.docx", DOCX, MinutesFiles.docx(PRESS_BG))));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/documents"));
        MimeMessage toThePress = awaitMailsTo("presa-varna@relais.test", "distribution", 1).get(0);
        assertThat(FlowMailbox.attachments(toThePress)).extracting(FlowMailbox.Attachment::fileName)
                .containsExactly("12 ноември.docx");
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(jdbc.sql("select recipient from distribution_ledger where reference = :reference")
                .param("reference", reference).query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(Stream.concat(NETWORKS.stream(),
                        Stream.of("presa-varna@relais.test")).toList());
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "intake-ack", 1).get(0)))
                .contains("Communiqué de presse — séminaire n° 4 (Varna)", "Séminaire : séminaire n° 4 (Varna)",
                        "« 12-novembre.docx » : communiqué de presse");
        assertThat(jdbc.sql("""
                        select actor || ' ' || action || ' ' || outcome from console_action
                        where action = 'document.upload'
                        """).query(String.class).list()).containsExactly("coordinator document.upload done");
        assertThat(coordinator.get("/documents/" + reference).body()).contains("id=\"outreach\"", "disabled");

        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        assertThat(observer.get("/documents/upload").body()).doesNotContain("id=\"upload\"");
        assertThat(observer.postMultipart("/documents/upload", Map.of("kind", "synthesis"), List.of(
                new ConsoleClient.FilePart("files", "a.docx", DOCX, MinutesFiles.docx(PRESS_FR)))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theSeminarOfConclusionsStillBeingTranslatedIsCorrectedFromTheConsole() throws Exception {
        mail().from(COORDINATOR).subject("Conclusions").text("Bonjour,\nles conclusions.")
                .attach("Conclusions.docx", MinutesFiles.docx(CONCLUSIONS_TITLE_FR, CONCLUSIONS_FR), DOCX).send();
        MimeMessage job = awaitMailsTo("traducere-ro@relais.test", "translation-job", 1).get(0);
        String reference = jdbc.sql("select reference from minutes").query(String.class).single();
        assertThat(FlowMailbox.body(awaitMailsTo(COORDINATOR, "outreach-received", 1).get(0)))
                .contains("Séminaire : ensemble du partenariat", "sur la page du document " + reference);

        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/documents/" + reference).body()).contains("id=\"outreach\"", "En traduction");
        HttpResponse<String> changed = coordinator.post("/documents/" + reference + "/outreach",
                Map.of("kind", "conclusions", "seminar", "S4-VARNA"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/documents/" + reference).body()).contains("Type et séminaire changés");

        mail().from("traducere-ro@relais.test").answering(job).text("Bună ziua, traducerea este atașată.")
                .attach("Concluzii.docx", MinutesFiles.docx(CONCLUSIONS_TITLE_RO, CONCLUSIONS_RO), DOCX).send();

        awaitMailsTo("ministry-bg@relais.test", "distribution", 1);
        assertThat(jdbc.sql("select recipient from distribution_ledger where reference = :reference")
                .param("reference", reference).query(String.class).list())
                .containsAll(AUTHORITIES_BG).doesNotContain("ministry-ro@relais.test", "ministry-md@relais.test");

        // distributed: too late to change
        coordinator.post("/documents/" + reference + "/outreach", Map.of("kind", "synthesis", "seminar", ""));
        assertThat(coordinator.get("/documents/" + reference).body()).contains("déjà diffusé");
        assertThat(jdbc.sql("""
                        select outcome || ' ' || detail from console_action
                        where action = 'outreach.change' and target = :reference order by id
                        """).param("reference", reference).query(String.class).list())
                .containsExactly("done conclusions S4-VARNA", "refused synthesis programme");
    }
}
