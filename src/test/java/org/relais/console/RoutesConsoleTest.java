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
    private static final String QUEUE_ROUTE = "mail-send-outgoing";

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @AfterEach
    void leaveTheRouteRunning() throws Exception {
        if (camel.getRouteController().getRouteStatus(QUEUE_ROUTE) != ServiceStatus.Started) {
            camel.getRouteController().resumeRoute(QUEUE_ROUTE);
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

        assertThat(coordinator.post("/routes/" + QUEUE_ROUTE + "/suspend", Map.of()).statusCode()).isEqualTo(302);
        assertThat(camel.getRouteController().getRouteStatus(QUEUE_ROUTE)).isEqualTo(ServiceStatus.Suspended);
        assertThat(coordinator.get("/routes").body()).contains("/routes/" + QUEUE_ROUTE + "/resume");

        JsonNode resumed = JSON.readTree(coordinator.postJson("/api/routes/" + QUEUE_ROUTE + "/resume", "").body());
        assertThat(resumed.path("state").asText()).isEqualTo("Started");
        assertThat(jdbc.sql("""
                        select action || ' ' || actor || ' ' || outcome from console_action
                        where target = :target order by id desc limit 2""")
                .param("target", "route-" + QUEUE_ROUTE).query(String.class).list())
                .containsExactly("route.resume coordinator done", "route.suspend coordinator done");
    }

    @Test
    void aRouteThatOtherRoutesCallIsNotSuspendedSinceItsCallersWouldFail() throws Exception {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        assertThat(coordinator.postJson("/api/routes/" + ROUTE + "/suspend", "").statusCode()).isEqualTo(409);

        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
        assertThat(QueuesConsoleTest.find(JSON.readTree(coordinator.get("/api/routes").body()), "id", ROUTE)
                .path("canSuspend").asBoolean()).isFalse();
        assertThat(coordinator.get("/routes").body()).doesNotContain("/routes/" + ROUTE + "/suspend");
        assertThat(jdbc.sql("""
                        select action || ' ' || actor || ' ' || outcome from console_action
                        where target = :target order by id desc limit 1""")
                .param("target", "route-" + ROUTE).query(String.class).single())
                .isEqualTo("route.suspend coordinator refused");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertThat(ConsoleClient.loggedIn(port, "coordinator").postJson("/api/routes/no-such-route/suspend", "")
                .statusCode()).isEqualTo(404);
    }
}
