package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stranger learns whether the hub is up; operators who log in see each part's health, and its figures in
 * Prometheus' format.
 */
class ObservabilityTest extends HubTest {

    private static final Pattern CHECKED_AT = Pattern.compile("\"checkedAt\":\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    HubMetrics metrics;

    private HttpResponse<String> get(String path, boolean asObserver) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (asObserver) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("observer:relais".getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStrangerLearnsOnlyWhetherTheHubIsUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", false);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"")
                .doesNotContain("components", "details", "127.0.0.1", "hub@relais.test", "imap", "smtp", "disk");
        assertThat(get("/actuator/health/mailbox", false).statusCode()).isEqualTo(404);
    }

    @Test
    void aLoggedInUserSeesTheBrokerTheDatabaseAndBothSidesOfTheMailServerCheckedOncePerPeriod() throws Exception {
        HttpResponse<String> health = get("/actuator/health", true);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mailbox\":{", "\"mail\":{", "\"jms\":{", "\"db\":{",
                "\"location\":\"imap://127.0.0.1:").doesNotContain("DOWN");
        for (int call = 0; call < 5; call++) {
            get("/actuator/health", false);
        }
        assertThat(checkedAt(get("/actuator/health/mailbox", true).body()))
                .as("the IMAP login of the first call is reused").isEqualTo(checkedAt(health.body()));
    }

    /** When the mailbox was checked, in the whole health or in the mailbox's own. */
    private static String checkedAt(String health) {
        Matcher matcher = CHECKED_AT.matcher(health.substring(Math.max(0, health.indexOf("\"mailbox\":"))));
        assertThat(matcher.find()).as(health).isTrue();
        return matcher.group(1);
    }

    @Test
    void prometheusFiguresCoverRoutesQueuesAndMailsAndNeedALogin() throws Exception {
        mail().from("arges@relais.test").subject("Bună ziua").text("Un mesaj.").send();
        awaitMailsTo("arges@relais.test", 1);
        metrics.refresh();

        assertThat(get("/actuator/prometheus", false).statusCode()).isEqualTo(401);
        String figures = get("/actuator/prometheus", true).body();
        assertThat(figures).contains("relais_route_exchanges{route=\"intake-process-mail\"}",
                "relais_queue_depth{queue=\"intake.mail\"}", "relais_inbound_mails{state=\"processed\"} 1.0",
                "relais_outgoing_mails{state=\"sent\"}");
    }
}
