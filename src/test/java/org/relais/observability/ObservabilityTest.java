package org.relais.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operators see the hub's health without a login, and its figures in Prometheus' format with one. */
class ObservabilityTest extends HubTest {

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
    void healthShowsTheBrokerTheDatabaseAndBothSidesOfTheMailServerWithoutLogin() throws Exception {
        HttpResponse<String> health = get("/actuator/health", false);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mailbox\":{", "\"mail\":{", "\"jms\":{", "\"db\":{")
                .doesNotContain("DOWN");
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
