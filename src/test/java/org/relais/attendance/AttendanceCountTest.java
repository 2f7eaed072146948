package org.relais.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/** An attendance sheet mailed in is read for the evaluation and answered with the counts as understood. */
class AttendanceCountTest extends HubTest {

    @Autowired
    AttendanceCount attendance;

    private static final String[][] SHEET = {
            {"Listă de prezență — Seminarul de la Neamț, octombrie 2009"},
            {},
            {"Nr.", "Nume", "Prenume", "Instituția", "Țara", "Categorie"},
            {"1", "Popescu", "Ion", "Consiliul Județean Neamț", "România", "Ales"},
            {"2", "Ionescu", "Maria", "DGASPC Neamț", "România", "Tehnician"},
            {"3", "Dubois", "Claire", "Conseil général de la Marne", "Franța", "tehnician"},
            {"4", "Petrov", "Ivan", "Община Варна", "Bulgaria", "primar"},
            {"5", "Rusu", "Ana", "Fundația Copiii", "Moldova", "ONG"},
            {"6", "Georgescu", "Dan", "Ministerul Muncii", "România", "reprezentant minister"},
            {"7", "Vasile", "Elena", "Prefectura", "România", "invitat"}};

    @Test
    void theOrganiserGetsTheCountsByCategoryAndCountryAndTheRowsNotUnderstood() throws Exception {
        mail().from("neamt@relais.test").subject("Lista de prezență")
                .attach("prezenta.xlsx", Spreadsheets.workbook("Prezență", SHEET), Spreadsheets.XLSX).send();

        MimeMessage answer = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("neamt@relais.test", "attendance-counts"), l -> !l.isEmpty()).get(0);
        String text = (String) answer.getContent();
        assertThat(text).contains("7 participanți", "aleși: 2", "tehnicieni: 2", "ONG-uri: 1",
                "reprezentanți ai statului: 1", "categorie nerecunoscută: 1", "România: 4", "Franța: 1",
                "Vasile Elena (Prezență!B10, \"invitat\")");
        assertThat(jdbc.sql("select name || '/' || category from participant where cell = 'Prezență!B4'")
                .query(String.class).single()).isEqualTo("Popescu Ion/elected");
    }

    @Test
    void aCoordinatorCorrectsACategoryAndTheCorrectionIsRecorded() throws Exception {
        mail().from("neamt@relais.test").subject("Lista de prezență")
                .attach("prezenta.xlsx", Spreadsheets.workbook("Prezență", SHEET), Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from participant")
                .query(Integer.class).single() == 7);
        long invited = jdbc.sql("select id from participant where category is null").query(Long.class).single();

        attendance.correctCategory(invited, "state", "coordination@relais.test");

        assertThat(jdbc.sql("select category || ' ' || corrected_by from participant where id = :id")
                .param("id", invited).query(String.class).single()).isEqualTo("state coordination@relais.test");
        assertThatThrownBy(() -> attendance.correctCategory(invited, "astronaut", "coordination@relais.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
