package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A document mailed in is found in the list and on its page and in the API, with its whole trail. */
class DocumentsConsoleTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aMailedBudgetIsDescribedByTheApiWithItsVerdictTrailAndDeliveries() throws Exception {
        String reference = mailAForecastAndAwaitItsVerdict("Buget seminar Argeș");
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        HttpResponse<String> answer = observer.get("/api/documents/" + reference);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(answer.body());
        assertThat(document.path("reference").asText()).isEqualTo(reference);
        assertThat(document.path("type").asText()).isEqualTo("budget_forecast");
        assertThat(document.path("seminar").asText()).isEqualTo("S1-ARGES");
        assertThat(document.path("sender").asText()).isEqualTo("arges@relais.test");
        assertThat(document.path("state").asText()).as("accepted, then sent to the follow-up group")
                .isEqualTo("in-review");
        assertThat(document.path("language").asText()).isEqualTo("ro");
        assertThat(document.path("translations").path("ro").get(0).path("origin").asText()).isEqualTo("original");
        assertThat(document.path("validationIssues").findValuesAsText("severity")).as("warnings only")
                .isNotEmpty().containsOnly("WARNING");
        assertThat(document.path("deliveries").findValuesAsText("purpose"))
                .contains("intake-ack", "budget-verdict");
        assertThat(document.path("trail").findValuesAsText("step")).containsSubsequence("mail-received",
                "intake-processed", "part-inspected", "document-queued", "answer-written", "budget-accepted");
        assertThat(document.path("trail").findValuesAsText("step")).contains("review-requested");
    }

    @Test
    void theFollowUpGroupsApprovalShowsOnTheBoardTheApiAndTheTrail() throws Exception {
        String reference = mailAForecastAndAwaitItsVerdict("Buget seminar Argeș");
        for (String member : List.of("suivi-fr@relais.test", "suivi-ro@relais.test")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(member, "budget-review-request").isEmpty());
        }
        mail().from("suivi-fr@relais.test").answering(mailsTo("suivi-fr@relais.test", "budget-review-request").get(0))
                .text("J'approuve.").send();
        mail().from("suivi-ro@relais.test").answering(mailsTo("suivi-ro@relais.test", "budget-review-request").get(0))
                .text("Aprob. Bugetul este realist.").send();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select state from budget_review")
                .query(String.class).single().equals("approved"));
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        JsonNode document = JSON.readTree(observer.get("/api/documents/" + reference).body());
        JsonNode board = JSON.readTree(observer.get("/api/board").body());

        assertThat(document.path("state").asText()).isEqualTo("approved");
        assertThat(document.path("trail").findValuesAsText("step")).containsSubsequence("review-requested",
                "review-answer", "review-answer").contains("review-approved");
        assertThat(document.path("trail").findValuesAsText("text")).contains("Aprob. Bugetul este realist.");
        JsonNode arges = null;
        for (JsonNode row : board.path("rows")) {
            if (row.path("seminar").path("code").asText().equals("S1-ARGES")) {
                arges = row;
            }
        }
        assertThat(arges).isNotNull();
        assertThat(arges.path("facts").path("forecast").findValuesAsText("state")).containsExactly("approved");
        assertThat(observer.get("/board?lang=ro").body()).contains("aprobat");
    }

    @Test
    void aRejectedBudgetShowsItsValidationIssuesWithTheirCells() throws Exception {
        byte[] unbalanced = ConsoleSamples.unbalancedForecast();
        mail().from("arges@relais.test").subject("Buget Argeș")
                .attach("buget.xlsx", unbalanced, Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 2);
        String reference = jdbc.sql("select reference from document").query(String.class).single();

        JsonNode document = JSON.readTree(ConsoleClient.loggedIn(port, "observer")
                .get("/api/documents/" + reference).body());

        assertThat(document.path("state").asText()).isEqualTo("rejected");
        assertThat(document.path("validationIssues").findValuesAsText("code")).contains("UNBALANCED_CASH");
        assertThat(document.path("validationIssues").findValuesAsText("cell")).allMatch(cell -> cell.startsWith("Buget!"));
    }

    @Test
    void theListFindsADocumentByReferenceFileOrSenderAndItsPageShowsTheTrail() {
        String reference = mailAForecastAndAwaitItsVerdict("Buget seminar Argeș");
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        assertThat(coordinator.get("/documents?search=" + reference).body()).contains(reference, "buget.xlsx");
        assertThat(coordinator.get("/documents?search=BUGET.XLSX&seminar=S1-ARGES&kind=budget_forecast&state=in-review")
                .body()).contains(reference);
        assertThat(coordinator.get("/documents?search=" + reference + "&state=failed").body())
                .doesNotContain("data-reference=\"" + reference + "\"");
        assertThat(coordinator.get("/api/documents?sender=x&search=arges@relais").body()).contains(reference);

        String page = coordinator.get("/documents/" + reference + "?lang=fr").body();
        assertThat(page).contains("Courriel reçu", "Pièce jointe examinée", "Document transmis à son flux",
                "Budget vérifié : accepté", "Examen demandé au groupe de suivi", "Courriel envoyé", "budget-verdict");
    }

    @Test
    void theOriginalMailAndItsFileAreDownloadedAsAttachments() {
        String reference = mailAForecastAndAwaitItsVerdict("Buget seminar Argeș");
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        long partId = jdbc.sql("select part_id from document").query(Long.class).single();

        HttpResponse<byte[]> original = coordinator.getBytes("/documents/" + reference + "/original.eml");
        HttpResponse<byte[]> file = coordinator.getBytes("/documents/" + reference + "/parts/" + partId);

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(jdbc.sql("select raw from inbound_mail").query(byte[].class).single());
        assertThat(original.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment"));
        assertThat(file.body()).as("the attachment of the original, byte for byte")
                .isEqualTo(TestMail.attachment(original.body(), "buget.xlsx"));
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(coordinator.getBytes("/documents/REL-1999-0001/parts/" + partId).statusCode()).isEqualTo(404);
    }

    @Test
    void aScriptInASubjectIsShownAsText() {
        String subject = "<script>alert('x')</script><img src=x onerror=alert(1)> Buget Argeș";
        mail().from("arges@relais.test").subject(subject)
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        for (String page : new String[] {"/documents", "/documents/" + reference}) {
            String html = coordinator.get(page).body();
            assertThat(html).as(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x");
            assertThat(html).as(page).doesNotContain("<script>alert", "<img src=x");
        }
    }

    private String mailAForecastAndAwaitItsVerdict(String subject) {
        mail().from("arges@relais.test").subject(subject)
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        awaitMailsTo("arges@relais.test", 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from outgoing_mail where sent_at is null")
                .query(Integer.class).single() == 0);
        return jdbc.sql("select reference from document").query(String.class).single();
    }
}
