package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.support.CapturedLog;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.LoopbackHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing against the running hub, from client addresses of its own (127.0.0.x), so that the other tests'
 * logins from 127.0.0.1 are not slowed down: after three failures for a name, or ten from an address, the next
 * attempt is answered 429 with Retry-After, before any password is checked; every failure and refusal is logged.
 */
class LoginThrottleTest extends HubTest {

    private static final String GUESSED_PASSWORD = "guess-8c1f3e";

    @LocalServerPort
    int port;

    @Test
    void aNameThatFailedThreeTimesIsRefusedForAWhileFromAnyAddress() throws Exception {
        LoopbackHttp guesser = new LoopbackHttp("127.0.0.21", port);
        List<String> logged;
        LoopbackHttp.Answer refused;
        try (CapturedLog.Recording recording = CapturedLog.record()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                LoopbackHttp.Answer failed = guesser.login("ancien-coordinateur", GUESSED_PASSWORD + attempt);
                assertThat(failed.status()).isEqualTo(302);
                assertThat(failed.header("Location")).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login?error"));
            }
            refused = guesser.login("ancien-coordinateur", GUESSED_PASSWORD);
            logged = recording.lines();
        }

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        assertThat(refused.body()).contains("Trop de tentatives de connexion");
        assertThat(new LoopbackHttp("127.0.0.22", port).login("ancien-coordinateur", GUESSED_PASSWORD).status())
                .as("another address, same name").isEqualTo(429);
        assertThat(logged).anySatisfy(line -> assertThat(line)
                .contains("'ancien-coordinateur' from 127.0.0.21 failed (3 in a row)"));
        assertThat(logged).anySatisfy(line -> assertThat(line)
                .contains("'ancien-coordinateur' from 127.0.0.21 refused for"));
        assertThat(logged).noneMatch(line -> line.contains(GUESSED_PASSWORD));
    }

    @Test
    void anAddressTryingManyNamesIsRefusedEvenTheRightPasswordWhileOthersLogIn() {
        LoopbackHttp guesser = new LoopbackHttp("127.0.0.23", port);
        for (int name = 0; name < 10; name++) {
            assertThat(guesser.login("user-" + name, GUESSED_PASSWORD).status()).isEqualTo(302);
        }

        assertThat(guesser.login("coordinator", "relais").status()).isEqualTo(429);
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString("observer:relais".getBytes(StandardCharsets.UTF_8));
        assertThat(guesser.get("/api/board", Map.of("Authorization", basic)).status()).isEqualTo(429);
        assertThat(new LoopbackHttp("127.0.0.24", port).get("/api/board", Map.of("Authorization", basic)).status())
                .isEqualTo(200);
        assertThat(ConsoleClient.loggedIn(port, "coordinator").get("/board").statusCode()).isEqualTo(200);
    }
}
