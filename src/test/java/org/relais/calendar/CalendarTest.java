package org.relais.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar kept by the hub: organisers reminded before and after their seminar, coordinators told when something
 * is overdue, each once and in the reader's language, as the (test) clock moves; the day held from a coordinator or
 * an attendance sheet; the board showing what is due and overdue.
 */
class CalendarTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestClock clock;

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void noReminderSentAndTheRealTime() {
        jdbc.sql("delete from calendar_reminder").update();
        jdbc.sql("delete from seminar_held").update();
        clock.reset();
    }

    @Test
    void theOrganiserIsRemindedOfItsForecastBeforeItIsDueThenTheCoordinatorsAreToldOnceItIsOverdue() throws Exception {
        clock.set(Instant.parse("2009-07-21T08:00:00Z"));
        checkReminders();
        checkReminders();

        MimeMessage reminder = awaitMailsTo("arges@relais.test", 1).get(0);
        assertThat(reminder.getSubject()).isEqualTo("[Relais] seminarul nr. 1 (Argeș): se așteaptă bugetul previzional");
        assertThat(reminder.getHeader("Content-Language", null)).isEqualTo("ro");
        assertThat((String) reminder.getContent()).contains("Data prevăzută pentru seminarul nr. 1 (Argeș) este 14 septembrie 2009",
                "  - bugetul previzional, cel târziu la 3 august 2009");
        assertThat(mailsTo("tulcea@relais.test")).as("Tulcea's forecast is not due for weeks").isEmpty();
        assertThat(mailsTo("coordination@relais.test")).isEmpty();

        clock.set(Instant.parse("2009-08-04T08:00:00Z"));
        checkReminders();
        checkReminders();

        MimeMessage overdue = awaitMailsTo("coordination@relais.test", 1).get(0);
        assertThat(overdue.getSubject()).isEqualTo("[Relais] En retard : séminaire n° 1 (Argeș)");
        assertThat((String) overdue.getContent()).contains("prévu le 14 septembre 2009, date de tenue non enregistrée",
                "  - le budget prévisionnel : attendu le 3 août 2009");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                mailsTo("coordination@relais.test").size() == 1 && mailsTo("arges@relais.test").size() == 1);
        assertThat(jdbc.sql("select obligation || ':' || stage from calendar_reminder order by 1")
                .query(String.class).list()).containsExactly("forecast:due", "forecast:overdue");
    }

    @Test
    void aForecastReceivedInTimeMeansNoReminderAndNoOverdueNotice() throws Exception {
        mail().from("arges@relais.test").subject("Buget seminar Argeș")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("arges@relais.test", "budget-verdict").isEmpty());

        clock.set(Instant.parse("2009-08-10T08:00:00Z"));
        checkReminders();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                mailsTo("arges@relais.test", "calendar-reminder").isEmpty()
                        && mailsTo("coordination@relais.test", "calendar-overdue").isEmpty());
        assertThat(jdbc.sql("select count(*) from calendar_reminder").query(Integer.class).single()).isZero();
    }

    @Test
    void afterTheDayACoordinatorRecordsTheOrganiserIsRemindedOfEverythingDueAfterItInItsLanguage() throws Exception {
        // on 8 December every earlier seminar's notices and reminders go out: this test watches Cahul after that
        clock.set(Instant.parse("2009-12-08T08:00:00Z"));
        checkReminders();
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("coordination@relais.test").size() == 6);
        assertThat(mailsTo("cahul@relais.test")).as("Cahul is to be held tomorrow").isEmpty();
        mailServer.purgeEmailFromAllMailboxes();

        clock.set(Instant.parse("2009-12-12T09:00:00Z"));
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.postJson("/api/seminars/S6-CAHUL/held", "{\"heldOn\":\"2009-12-15\"}").statusCode())
                .as("not a day to come").isEqualTo(400);
        JsonNode cahul = JSON.readTree(coordinator.postJson("/api/seminars/S6-CAHUL/held",
                "{\"heldOn\":\"2009-12-10\"}").body());
        assertThat(cahul.path("heldOn").asText()).isEqualTo("2009-12-10");
        assertThat(cahul.path("heldBy").asText()).isEqualTo("coordinator");
        checkReminders();

        MimeMessage reminder = awaitMailsTo("cahul@relais.test", 1).get(0);
        assertThat(reminder.getSubject()).isEqualTo("[Relais] seminarul nr. 6 (Cahul): documente așteptate după seminar");
        assertThat((String) reminder.getContent()).contains(
                "Relais a înregistrat că seminarul nr. 6 (Cahul) s-a desfășurat la 10 decembrie 2009.",
                "  - lista de prezență, cel târziu la 17 decembrie 2009",
                "  - procesul-verbal al seminarului, cel târziu la 31 decembrie 2009",
                "  - raportul financiar, cu documentele justificative, cel târziu la 9 ianuarie 2010");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("coordination@relais.test").isEmpty());
        assertThat(jdbc.sql("select actor || ' ' || outcome || ' ' || detail from console_action "
                        + "where action = 'seminar.held' and target = 'S6-CAHUL' order by id").query(String.class).list())
                .containsExactly("coordinator failed held on 2009-12-15: a day still to come",
                        "coordinator done held on 2009-12-10");

        String board = coordinator.get("/board?lang=fr").body();
        assertThat(board).contains("Échéances", "2009-12-10", "liste de présence attendu", "2009-12-17",
                "compte rendu en retard", "Enregistrer la date de tenue", "/seminars/S6-CAHUL/dossier");
    }

    @Test
    void theDayWrittenAboveAnAttendanceSheetIsTheDayHeldUntilACoordinatorSaysOtherwise() throws Exception {
        mail().from("neamt@relais.test").subject("Lista de prezență")
                .attach("prezenta.xlsx", Spreadsheets.workbook("Prezență", new String[][] {
                        {"Listă de prezență — Piatra Neamț, 23 octombrie 2009"},
                        {},
                        {"Nume", "Prenume", "Instituția", "Țara", "Categorie"},
                        {"Popescu", "Ion", "Consiliul Județean Neamț", "România", "Ales"}}), Spreadsheets.XLSX)
                .send();

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("neamt@relais.test", "attendance-counts").isEmpty());
        assertThat((String) mailsTo("neamt@relais.test", "attendance-counts").get(0).getContent())
                .contains("Data seminarului citită pe listă: 23 octombrie 2009");
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        assertThat(heldOn(observer, "S3-NEAMT")).isEqualTo("2009-10-23 from the sheet");

        ConsoleClient.loggedIn(port, "coordinator").post("/seminars/S3-NEAMT/held", Map.of(
                "heldOn", "2009-10-22"));

        assertThat(heldOn(observer, "S3-NEAMT")).isEqualTo("2009-10-22 by coordinator");
    }

    private String heldOn(ConsoleClient client, String seminar) throws Exception {
        for (JsonNode row : JSON.readTree(client.get("/api/calendar").body())) {
            if (row.path("seminar").path("code").asText().equals(seminar)) {
                return row.path("heldOn").asText() + (row.path("heldBy").isNull() ? " from the sheet"
                        : " by " + row.path("heldBy").asText());
            }
        }
        throw new AssertionError("no " + seminar);
    }

    private void checkReminders() {
        camel.createFluentProducerTemplate().to("direct:calendar-send-reminders").send();
    }

}
