package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/** Queue figures, dead letters with their errors, and retry / discard one by one or in bulk, each recorded. */
class QueuesConsoleTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JmsTemplate jms;

    @Value("${relais.intake.consumers}")
    int intakeConsumers;

    DeadLetterFixture deadLetters;

    @BeforeEach
    void fixture() {
        deadLetters = new DeadLetterFixture(jdbc, jms);
    }

    @Test
    void theQueuesAreListedWithDepthAndConsumers() throws Exception {
        JsonNode queues = JSON.readTree(ConsoleClient.loggedIn(port, "observer").get("/api/queues").body());

        assertThat(queues.findValuesAsText("name")).contains("intake.mail", "mail.outgoing", "budget", "DLQ")
                .noneMatch(name -> name.startsWith("activemq."));
        JsonNode intakeQueue = find(queues, "name", "intake.mail");
        assertThat(intakeQueue.path("consumers").asInt()).isEqualTo(intakeConsumers);
        assertThat(intakeQueue.has("depth")).isTrue();
    }

    @Test
    void aDeadLetterIsListedWithItsErrorAndARetryOnceTheMailIsThereSucceeds() throws Exception {
        long mailId = deadLetters.reserveMailId();
        long failureId = deadLetters.deadTicket(mailId);
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        JsonNode listed = find(JSON.readTree(coordinator.get("/api/dead-letters").body()), "failureId",
                String.valueOf(failureId));
        assertThat(listed.path("originQueue").asText()).isEqualTo("intake.mail");
        assertThat(listed.path("routeId").asText()).isEqualTo("intake-process-mail");
        assertThat(listed.path("error").asText()).contains("No stored mail " + mailId);
        assertThat(listed.path("onQueue").asBoolean()).isTrue();
        assertThat(coordinator.get("/queues").body()).contains("No stored mail " + mailId);

        byte[] raw = TestMail.bytes(mail().from("arges@relais.test").subject("Buget Argeș")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).build());
        deadLetters.storeMail(mailId, "arges@relais.test", "Buget Argeș", raw);
        var answer = coordinator.post("/queues/dead-letters/" + failureId + "/retry", Map.of());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(coordinator.get("/queues").body()).contains("Renvoyé dans sa file.");
        awaitMailsTo("arges@relais.test", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select state from inbound_mail where id = :id")
                .param("id", mailId).query(String.class).single().equals("processed"));
        assertThat(jdbc.sql("select state || ' ' || resolved_by from failure where id = :id").param("id", failureId)
                .query(String.class).single()).isEqualTo("retried coordinator");
        assertThat(jdbc.sql("select outcome from console_action where target = :target and action = 'dead-letter.retry'")
                .param("target", "failure-" + failureId).query(String.class).list()).containsExactly("done");
        Long stillDead = jms.browse("DLQ", (session, browser) -> java.util.Collections.list(browser.getEnumeration())
                .stream().filter(message -> hasFailureId((jakarta.jms.Message) message, failureId)).count());
        assertThat(stillDead).isZero();
    }

    @Test
    void aSecondRetryOfTheSameDeadLetterDoesNothing() throws Exception {
        long failureId = deadLetters.deadTicket(deadLetters.reserveMailId());
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        JsonNode first = JSON.readTree(coordinator.postJson("/api/dead-letters/" + failureId + "/discard", "").body());
        JsonNode second = JSON.readTree(coordinator.postJson("/api/dead-letters/" + failureId + "/retry", "").body());

        assertThat(first.path("outcome").asText()).isEqualTo("DISCARDED");
        assertThat(second.path("outcome").asText()).isEqualTo("ALREADY_RESOLVED");
        assertThat(jdbc.sql("select state from failure where id = :id").param("id", failureId)
                .query(String.class).single()).isEqualTo("discarded");
    }

    @Test
    void checkedDeadLettersAreDiscardedTogether() {
        long first = deadLetters.deadTicket(deadLetters.reserveMailId());
        long second = deadLetters.deadTicket(deadLetters.reserveMailId());
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        var answer = coordinator.postJson("/api/dead-letters/bulk",
                "{\"action\":\"discard\",\"failureIds\":[" + first + "," + second + "]}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"" + first + "\":\"DISCARDED\"", "\"" + second + "\":\"DISCARDED\"");
        assertThat(jdbc.sql("select count(*) from failure where state = 'discarded' and resolved_by = 'coordinator'")
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from console_action where action = 'dead-letter.discard' and target in (:t)")
                .param("t", java.util.List.of("failure-" + first, "failure-" + second)).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void aBulkActionOtherThanRetryOrDiscardIsRefusedAndDiscardsNothing() {
        long failureId = deadLetters.deadTicket(deadLetters.reserveMailId());
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        var api = coordinator.postJson("/api/dead-letters/bulk", "{\"action\":\"retyr\",\"failureIds\":[" + failureId + "]}");
        var form = coordinator.post("/queues/dead-letters/bulk",
                Map.of("action", "retyr", "failureId", String.valueOf(failureId)));

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select state from failure where id = :id").param("id", failureId)
                .query(String.class).single()).isEqualTo("dead");
    }

    private static boolean hasFailureId(jakarta.jms.Message message, long failureId) {
        try {
            return message.propertyExists("relaisFailureId") && message.getLongProperty("relaisFailureId") == failureId;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value + " in " + array);
    }
}
