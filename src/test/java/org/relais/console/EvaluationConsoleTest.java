package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The evaluation counts, per seminar, what the flows recorded: here the participants of an attendance sheet. */
class EvaluationConsoleTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void anAttendanceSheetMailedInCountsItsParticipantsAndElectedOfficials() throws Exception {
        mail().from("arges@relais.test").subject("Listă de prezență seminar Argeș")
                .attach("prezenta.xlsx", Spreadsheets.attendanceSheet(), Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from participant")
                .query(Integer.class).single() == 1);
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        JsonNode indicators = JSON.readTree(observer.get("/api/evaluation").body());

        assertThat(value(indicators, "S1-ARGES", "attendance-sheets")).isEqualTo(1);
        assertThat(value(indicators, "S1-ARGES", "participants")).isEqualTo(1);
        assertThat(value(indicators, "S1-ARGES", "elected-officials")).isEqualTo(1);
        assertThat(value(indicators, "S2-TULCEA", "participants")).isZero();
        String page = observer.get("/evaluation?lang=fr").body();
        assertThat(page).contains("élus", "Le diagnostic a-t-il été réalisé ?")
                .contains("data-seminar=\"S1-ARGES\"");
    }

    private static long value(JsonNode indicators, String seminar, String key) {
        for (JsonNode indicator : indicators) {
            if (indicator.path("seminarCode").asText().equals(seminar) && indicator.path("key").asText().equals(key)) {
                return indicator.path("value").asLong();
            }
        }
        throw new AssertionError("no " + key + " for " + seminar);
    }
}
