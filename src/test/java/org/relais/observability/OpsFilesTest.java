package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

/** The alert rules and the dashboard in ops/ speak of figures the hub really publishes. */
class OpsFilesTest extends HubTest {

    private static final Pattern METRIC = Pattern.compile("\\brelais_[a-z_]+");

    @LocalServerPort
    int port;

    @Autowired
    HubMetrics metrics;

    @Test
    void everyFigureTheAlertRulesAndTheDashboardNameIsPublishedByTheHub() throws Exception {
        mail().from("arges@relais.test").subject("Bună ziua").text("Un mesaj.").send();
        awaitMailsTo("arges@relais.test", 1);
        metrics.refresh();
        String published = ConsoleClient.loggedIn(port, "observer").get("/actuator/prometheus").body();

        Set<String> named = new TreeSet<>();
        named.addAll(metricsIn(Files.readString(Path.of("ops/prometheus/relais-alerts.yml"))));
        named.addAll(metricsIn(Files.readString(Path.of("ops/grafana/relais-dashboard.json"))));

        assertThat(named).contains("relais_queue_depth", "relais_mailbox_last_poll_seconds",
                "relais_outgoing_oldest_due_seconds");
        assertThat(named).allSatisfy(metric -> assertThat(published).as(metric).containsPattern(
                "(?m)^" + metric + "[{ ]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachAlertRuleHasANameAnExpressionAndASummary() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(Path.of("ops/prometheus/relais-alerts.yml")));
        List<Map<String, Object>> rules = ((List<Map<String, Object>>) file.get("groups")).stream()
                .flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();

        assertThat(rules).extracting(rule -> rule.get("alert")).contains("RelaisDeadLetters", "RelaisMailboxSilent",
                "RelaisMailsStuckUnsent");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.get("expr")).asString().containsPattern(METRIC);
            assertThat((Map<String, Object>) rule.get("annotations")).containsKey("summary");
        });
    }

    @Test
    void everyDashboardPanelQueriesTheHubsFigures() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("ops/grafana/relais-dashboard.json").toFile());

        assertThat(dashboard.get("panels")).isNotEmpty().allSatisfy(panel ->
                assertThat(panel.get("targets")).isNotEmpty().allSatisfy(target ->
                        assertThat(target.get("expr").asText()).containsPattern(METRIC)));
    }

    private static List<String> metricsIn(String text) {
        return METRIC.matcher(text).results().map(MatchResult::group).toList();
    }
}
