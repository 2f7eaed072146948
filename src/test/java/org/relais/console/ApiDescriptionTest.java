package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's JSON API describes itself (OpenAPI 3) to those who may use it, and to nobody else. */
class ApiDescriptionTest extends HubTest {

    @LocalServerPort
    int port;

    @Test
    void aLoggedInUserReadsTheOpenApiDescriptionOfEveryApiPath() {
        HttpResponse<String> description = ConsoleClient.loggedIn(port, "observer").get("/api/docs");

        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("\"openapi\":\"3.", "/api/documents/{reference}", "/api/dead-letters",
                "/api/quarantine", "/api/distributions/{id}/resend-failed");
        assertThat(description.body()).doesNotContain("\"/list/", "\"/login\"");
    }

    @Test
    void aStrangerGetsNoApiDescription() {
        assertThat(new ConsoleClient(port).get("/api/docs").statusCode()).isEqualTo(401);
    }
}
