package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Participants whose category the attendance sheet did not make clear: the coordinators are asked, each by a number,
 * with the categories they may answer, and correct them from the console or by replying one line each. A reply not
 * bound to the request corrects nothing.
 */
class AttendanceCategoryDecisionTest extends HubTest {

    private static final String COORDINATOR = "coordination@relais.test";

    private static final String[][] SHEET = {
            {"Listă de prezență — Seminarul de la Neamț, octombrie 2009"},
            {},
            {"Nr.", "Nume", "Prenume", "Instituția", "Țara", "Categorie"},
            {"1", "Popescu", "Ion", "Consiliul Județean Neamț", "România", "Ales"},
            {"2", "Ionescu", "Maria", "DGASPC Neamț", "România", "Tehnician"},
            {"3", "Rusu", "Ana", "Fundația Copiii", "Moldova", "ONG"},
            {"4", "Vasile", "Elena", "Prefectura", "România", "invitat"},
            {"5", "Ilie", "Radu", "Asociația Speranța", "Moldova", "voluntar"}};

    @LocalServerPort
    int port;

    @Test
    void theCoordinatorsAreAskedAndCorrectTheCategoriesFromTheConsole() throws Exception {
        String reference = sheetWithTwoCategoriesNotRecognised();
        MimeMessage request = awaitMailsTo(COORDINATOR, "attendance-categories", 1).get(0);
        assertThat(request.getSubject()).contains("[" + reference + "]", "Catégories à corriger");
        assertThat((String) request.getContent()).contains("4. Vasile Elena, Prefectura — « invitat »",
                "5. Ilie Radu, Asociația Speranța — « voluntar »",
                "son numéro et sa catégorie (élus, techniciens, représentants de l'État, ONG), par exemple « 4 élus »");
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/documents/" + reference + "?lang=ro").body())
                .contains("Participanții din listele de prezență", "Vasile Elena", "nerecunoscută", "Corectează");

        coordinator.post("/documents/" + reference + "/decisions/category/" + participant("Vasile Elena"),
                Map.of("category", "state"));
        assertThat(coordinator.get("/documents/" + reference + "?lang=fr").body()).contains("Décision enregistrée.");
        coordinator.post("/documents/" + reference + "/decisions/category/" + participant("Ilie Radu"),
                Map.of("category", "astronaut"));
        assertThat(coordinator.get("/documents/" + reference + "?lang=fr").body())
                .contains("« astronaut » n&#39;est pas une catégorie de participant.");

        assertThat(categoryOf("Vasile Elena")).isEqualTo("state coordinator");
        assertThat(categoryOf("Ilie Radu")).isEqualTo("- -");
        assertThat(jdbc.sql("select action || ' ' || outcome from console_action where target = :r order by id")
                .param("r", reference).query(String.class).list())
                .containsExactly("decision.category done", "decision.category refused");
    }

    @Test
    void aCoordinatorsReplyCorrectsEachNumberedParticipant() throws Exception {
        String reference = sheetWithTwoCategoriesNotRecognised();
        MimeMessage request = awaitMailsTo(COORDINATOR, "attendance-categories", 1).get(0);

        mail().from(COORDINATOR).answering(request).text("4 stat\nn° 5 : ONG\n\nMulțumesc,\nCoordonare").send();

        MimeMessage noted = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat((String) noted.getContent()).contains("n° 4, Vasile Elena : représentants de l'État",
                "n° 5, Ilie Radu : ONG");
        assertThat(categoryOf("Vasile Elena")).isEqualTo("state " + COORDINATOR);
        assertThat(categoryOf("Ilie Radu")).isEqualTo("ngo " + COORDINATOR);
        assertThat(jdbc.sql("select count(*) from awaited_reply where reference = :r and flow = 'decision'")
                .param("r", reference).query(Integer.class).single()).isZero();
    }

    @Test
    void categoriesWrittenUnderTheReferenceButNotInReplyToTheRequestCorrectNothing() throws Exception {
        String reference = sheetWithTwoCategoriesNotRecognised();
        awaitMailsTo(COORDINATOR, "attendance-categories", 1);

        mail().from(COORDINATOR).subject("Re: [" + reference + "] catégories").text("4 État\n5 ONG").send();

        awaitMailsTo(COORDINATOR, "claim-confirmation", 1);
        settle();
        assertThat(categoryOf("Vasile Elena")).isEqualTo("- -");
        assertThat(categoryOf("Ilie Radu")).isEqualTo("- -");
    }

    private String sheetWithTwoCategoriesNotRecognised() {
        mail().from("neamt@relais.test").subject("Lista de prezență")
                .attach("prezenta.xlsx", Spreadsheets.workbook("Prezență", SHEET), Spreadsheets.XLSX).send();
        awaitMailsTo("neamt@relais.test", "attendance-counts", 1);
        return jdbc.sql("select reference from attendance_sheet").query(String.class).single();
    }

    private long participant(String name) {
        return jdbc.sql("select id from participant where name = :name").param("name", name).query(Long.class)
                .single();
    }

    private String categoryOf(String name) {
        return jdbc.sql("select coalesce(category, '-') || ' ' || coalesce(corrected_by, '-') from participant"
                + " where name = :name").param("name", name).query(String.class).single();
    }
}
