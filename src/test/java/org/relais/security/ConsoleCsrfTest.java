package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint that changes something refuses a logged-in browser's request that lacks the CSRF token: a page on
 * another site cannot act in a coordinator's name. The endpoints come from Spring's own mapping table, so a new one
 * is checked the day it is added.
 */
class ConsoleCsrfTest extends HubTest {

    private static final Set<RequestMethod> CHANGING = EnumSet.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH);
    /** Recipients' one-click unsubscribe (RFC 8058): no session to ride on, and the signed token in the path guards it. */
    private static final String PUBLIC_LINKS = "/list/";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyStateChangingEndpointRefusesALoggedInRequestWithoutItsToken() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        ConsoleClient stranger = new ConsoleClient(port);
        int actionsBefore = consoleActions();
        List<String> checked = new ArrayList<>();

        for (Endpoint endpoint : changingEndpoints()) {
            if (endpoint.pattern().startsWith(PUBLIC_LINKS)) {
                continue;
            }
            assertThat(coordinator.withoutToken(endpoint.method(), endpoint.path()).statusCode())
                    .as("session, no token: " + endpoint).isEqualTo(403);
            assertThat(stranger.basicWithoutToken(endpoint.method(), endpoint.path(), "coordinator", "relais")
                    .statusCode()).as("HTTP Basic, no token: " + endpoint).isEqualTo(403);
            checked.add(endpoint.method() + " " + endpoint.pattern());
        }

        assertThat(consoleActions()).as("nothing was done").isEqualTo(actionsBefore);
        assertThat(checked).as("the mapping table lists the console's actions").hasSizeGreaterThan(20)
                .contains("POST /routes/{routeId}/suspend", "POST /api/quarantine/{mailId}/release",
                        "PUT /api/subscriptions/{address}/notification-mode", "POST /api/newsletters/{schedule}/send");
    }

    @Test
    void withItsTokenTheSameRequestIsNotRefusedAndAnsweredWithoutAServerError() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        for (Endpoint endpoint : changingEndpoints()) {
            if (!endpoint.pattern().startsWith(PUBLIC_LINKS)) {
                // the 403 above is the missing token's doing, not the role's or the path's; and a request naming
                // nothing that exists is refused as such, not with an error
                assertThat(coordinator.withToken(endpoint.method(), endpoint.path()).statusCode())
                        .as(endpoint.toString()).isNotEqualTo(403).isLessThan(500);
            }
        }
    }

    @Test
    void onlyTheSignedUnsubscribeLinkGoesWithoutTokenAndAForgedOneDoesNothing() {
        assertThat(changingEndpoints().stream().filter(endpoint -> endpoint.pattern().startsWith(PUBLIC_LINKS))
                .map(Endpoint::toString)).containsExactly("POST /list/unsubscribe/{token}");

        HttpResponse<String> forged = new ConsoleClient(port).postForm("/list/unsubscribe/arges@relais.test",
                java.util.Map.of());

        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from contact where address = 'arges@relais.test' and unsubscribed_at is not null")
                .query(Integer.class).single()).isZero();
    }

    /** One method on one path pattern, with each path variable given a value no row has. */
    record Endpoint(String method, String pattern) {
        String path() {
            return pattern.replaceAll("\\{[^}]+}", "csrf-check");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private List<Endpoint> changingEndpoints() {
        Set<Endpoint> endpoints = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (var handler : mappings.getHandlerMethods().entrySet()) {
            if (!handler.getValue().getBeanType().getPackageName().startsWith("org.relais")) {
                continue; // Spring Boot's /error, which renders errors and changes nothing
            }
            RequestMappingInfo mapping = handler.getKey();
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? CHANGING : methods) {
                if (CHANGING.contains(method)) {
                    mapping.getPatternValues().forEach(pattern -> endpoints.add(new Endpoint(method.name(), pattern)));
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private int consoleActions() {
        return jdbc.sql("select count(*) from console_action").query(Integer.class).single();
    }
}
