package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every route with its state and figures; coordinators suspend and resume, and each action is recorded. */
class RoutesConsoleTest extends HubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTE = "mail-send-answers";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @AfterEach
    void leaveTheRouteRunning() throws Exception {
        if (camel.getRouteController().getRouteStatus(ROUTE) != ServiceStatus.Started) {
            camel.getRouteController().resumeRoute(ROUTE);
        }
    }

    @Test
    void everyRouteIsListedWithItsStateAndFigures() throws Exception {
        mail().from("varna@relais.test").subject("Здравейте").text("Здравейте, колеги.").send();
        awaitMailsTo("varna@relais.test", 1);

        JsonNode routes = JSON.readTree(ConsoleClient.loggedIn(port, "observer").get("/api/routes").body());

        assertThat(routes.findValuesAsText("id")).containsAll(camel.getRoutes().stream()
                .map(route -> route.getRouteId()).toList());
        JsonNode sending = QueuesConsoleTest.find(routes, "id", ROUTE);
        assertThat(sending.path("state").asText()).isEqualTo("Started");
        assertThat(sending.path("exchangesTotal").asLong()).isPositive();
        assertThat(sending.path("maxMillis").asLong()).isGreaterThanOrEqualTo(sending.path("meanMillis").asLong());
        assertThat(sending.has("exchangesFailed")).isTrue();
        assertThat(sending.has("inflight")).isTrue();
        assertThat(sending.has("lastError")).isTrue();
    }

    @Test
    void aCoordinatorSuspendsAndResumesARoute() throws Exception {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        assertThat(coordinator.post("/routes/" + ROUTE + "/suspend", Map.of()).statusCode()).isEqualTo(302);
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Suspended);
        assertThat(coordinator.get("/routes").body()).contains("/routes/" + ROUTE + "/resume");

        JsonNode resumed = JSON.readTree(coordinator.postJson("/api/routes/" + ROUTE + "/resume", "").body());
        assertThat(resumed.path("state").asText()).isEqualTo("Started");
        assertThat(jdbc.sql("""
                        select action || ' ' || actor || ' ' || outcome from console_action
                        where target = :target order by id desc limit 2""")
                .param("target", "route-" + ROUTE).query(String.class).list())
                .containsExactly("route.resume coordinator done", "route.suspend coordinator done");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertThat(ConsoleClient.loggedIn(port, "coordinator").postJson("/api/routes/no-such-route/suspend", "")
                .statusCode()).isEqualTo(404);
    }
}
