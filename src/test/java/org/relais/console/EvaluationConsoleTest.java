package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The evaluation counts, per seminar, what the flows recorded (here the participants of an attendance sheet), answers
 * the report's nine questions with them, and exports both tables.
 */
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

    @Test
    void theNineQuestionsOfTheReportAreAnsweredWithTheHubsFiguresOrNotRecordedAndExportAsCsvAndXlsx()
            throws Exception {
        mail().from("arges@relais.test").subject("Listă de prezență seminar Argeș")
                .attach("prezenta.xlsx", Spreadsheets.attendanceSheet(), Spreadsheets.XLSX).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from participant")
                .query(Integer.class).single() == 1);
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        JsonNode answers = JSON.readTree(observer.get("/api/evaluation/questions").body());
        assertThat(answers).hasSize(9);
        assertThat(answers).extracting(answer -> answer.path("question").asText()).containsExactly("diagnosis",
                "calendar", "participation", "questions", "strengths", "actions", "lessons", "involvement",
                "communication");
        assertThat(figure(answers, "participation", "participants").path("value").asLong()).isEqualTo(1);
        assertThat(figure(answers, "participation", "elected-officials").path("value").asLong()).isEqualTo(1);
        assertThat(figure(answers, "calendar", "seminars-held").path("outOf").asLong()).isEqualTo(6);
        assertThat(figure(answers, "strengths", "strengths-weaknesses").path("value").isNull()).isTrue();
        assertThat(observer.get("/evaluation?lang=ru").body()).contains("Проведена ли диагностика?",
                "Выявлены ли сильные и слабые стороны", "не записывается", "Экспорт в XLSX");

        HttpResponse<byte[]> csv = observer.getBytes("/evaluation/export.csv?lang=fr");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("evaluation-relais.csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFQuestions évaluatives");
        assertThat(lines).contains("Question,Indicateur,Chiffre,Valeur,Sur",
                "Le taux de participation était-il fort ? Et la participation active ?,\"nombre de participants, "
                        + "d'élus, d'ONG mobilisés ; l'expression des participants, la confrontation des points de vue\","
                        + "participants,1,",
                "Est-on parvenu à dégager des enseignements et des perspectives d'ouverture ?,"
                        + "— (pas d'indicateur dans le tableau du rapport),enseignements et perspectives,non enregistré,");
        assertThat(lines.stream().filter(line -> line.startsWith("1. Séminaire de Argeș,")).findFirst().orElseThrow())
                .startsWith("1. Séminaire de Argeș,0,1,");

        HttpResponse<byte[]> xlsx = observer.getBytes("/evaluation/export.xlsx?lang=en");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.body()))) {
            Sheet questions = workbook.getSheet("Evaluation questions");
            Set<String> asked = new LinkedHashSet<>();
            Row participants = null;
            for (Row row : questions) {
                if (row.getRowNum() > 0) {
                    asked.add(row.getCell(0).getStringCellValue());
                    if (row.getCell(2).getStringCellValue().equals("participants")) {
                        participants = row;
                    }
                }
            }
            assertThat(asked).hasSize(9).contains("Were strengths and weaknesses identified to build the action plan?");
            assertThat(participants).isNotNull();
            assertThat(participants.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            Sheet perSeminar = workbook.getSheet("Per seminar");
            assertThat(perSeminar.getRow(1).getCell(0).getStringCellValue()).isEqualTo("1. Séminaire de Argeș");
            int column = 0;
            while (!perSeminar.getRow(0).getCell(column).getStringCellValue().equals("participants")) {
                column++;
            }
            assertThat(perSeminar.getRow(1).getCell(column).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    private static JsonNode figure(JsonNode answers, String question, String key) {
        for (JsonNode answer : answers) {
            if (answer.path("question").asText().equals(question)) {
                for (JsonNode figure : answer.path("figures")) {
                    if (figure.path("key").asText().equals(key)) {
                        return figure;
                    }
                }
            }
        }
        throw new AssertionError("no figure " + key + " for " + question);
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
