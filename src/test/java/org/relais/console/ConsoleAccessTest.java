package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nothing answers a stranger but the health check; observers read, coordinators act; forms need their token. */
class ConsoleAccessTest extends HubTest {

    static final List<String> PAGES = List.of("/", "/board", "/documents", "/documents/REL-2009-0001", "/routes",
            "/queues", "/quarantine", "/directory", "/directory/arges@relais.test", "/evaluation");
    static final List<String> APIS = List.of("/api/board", "/api/alarms", "/api/documents",
            "/api/documents/REL-2009-0001", "/api/routes", "/api/queues", "/api/dead-letters", "/api/quarantine",
            "/api/directory", "/api/evaluation", "/actuator/info", "/actuator/prometheus", "/actuator/metrics");

    @LocalServerPort
    int port;

    @Test
    void everyPageSendsAStrangerToTheLoginForm() {
        ConsoleClient stranger = new ConsoleClient(port);
        for (String page : PAGES) {
            HttpResponse<String> answer = stranger.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));
            assertThat(answer.body()).as(page).isEmpty();
        }
    }

    @Test
    void everyApiAnswersAStrangerUnauthorized() {
        ConsoleClient stranger = new ConsoleClient(port);
        for (String api : APIS) {
            assertThat(stranger.get(api).statusCode()).as(api).isEqualTo(401);
        }
        assertThat(stranger.postForm("/api/routes/mail-send-outgoing/suspend", Map.of()).statusCode())
                .isIn(401, 403);
    }

    @Test
    void theHealthCheckAnswersWithoutLogin() {
        HttpResponse<String> health = new ConsoleClient(port).get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theSessionCookieStaysOutOfScriptsAndOfRequestsOtherSitesStart() {
        HttpResponse<String> login = new ConsoleClient(port).login("observer", "relais");

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        HttpResponse<String> answer = new ConsoleClient(port).login("coordinator", "not-the-password");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
    }

    @Test
    void aLoggedInCoordinatorSeesEveryPageInTheChosenLanguage() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        for (String page : List.of("/board", "/documents", "/routes", "/queues", "/quarantine", "/directory",
                "/directory/arges@relais.test", "/evaluation")) {
            HttpResponse<String> answer = coordinator.get(page + "?lang=bg");
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.body()).as(page).contains("Семинари", "Указател").doesNotContain("??console");
        }
        assertThat(coordinator.get("/board?lang=ro").body()).contains("Stadiul fiecărui seminar");
        assertThat(coordinator.get("/board").body()).as("the cookie keeps the language").contains("Agendă");
        assertThat(coordinator.get("/board?lang=fr").body()).contains("Où en est chaque séminaire");
        assertThat(coordinator.get("/board?lang=en").body()).contains("Where each seminar stands");
    }

    @Test
    void anObserverReadsButCannotAct() {
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");

        assertThat(observer.get("/routes").statusCode()).isEqualTo(200);
        assertThat(observer.get("/routes").body()).doesNotContain("/suspend");
        assertThat(observer.post("/routes/mail-send-outgoing/suspend", Map.of()).statusCode()).isEqualTo(403);
        assertThat(observer.postJson("/api/dead-letters/1/retry", "").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from console_action where actor = 'observer'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aFormPostedWithoutItsTokenIsRefused() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        HttpResponse<String> answer = coordinator.postForm("/routes/mail-send-outgoing/suspend", Map.of());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from console_action where target = 'route-mail-send-outgoing'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void pagesForbidScriptsFromAnywhereButTheConsole() {
        HttpResponse<String> page = ConsoleClient.loggedIn(port, "coordinator").get("/board");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
