package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.relais.support.CapturedLog;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The secrets the hub is configured with never reach its log, from its start through a whole flow, nor the console's
 * pages.
 */
class NoSecretInTheLogsTest extends HubTest {

    private static final String WRONG_CONSOLE_PASSWORD = "console-secret-5e0b7d13";
    private static final String INTAKE_ROUTE = "intake-fetch-mail";

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    CamelContext camel;

    @Test
    void noConfiguredSecretIsLoggedFromTheStartThroughAFlowOrShownByTheConsole() throws Exception {
        Map<String, String> secrets = secrets();
        List<String> shown = new ArrayList<>();
        List<String> logged;
        try (CapturedLog.Recording recording = CapturedLog.record()) {
            camel.getRouteController().stopRoute(INTAKE_ROUTE);
            camel.getRouteController().startRoute(INTAKE_ROUTE);
            mail().from("arges@relais.test").subject("Buget")
                    .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
            awaitMailsTo("arges@relais.test", 2);
            new ConsoleClient(port).login("coordinator", WRONG_CONSOLE_PASSWORD);
            ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
            for (String page : List.of("/routes", "/api/routes", "/actuator/health", "/actuator/info", "/board")) {
                shown.add(page + " " + coordinator.get(page).body());
            }
            logged = recording.lines();
        }
        secrets.put("the console password tried", WRONG_CONSOLE_PASSWORD);

        assertThat(CapturedLog.startup()).as("the start-up log").hasSizeGreaterThan(50)
                .anySatisfy(line -> assertThat(line).contains("Started " + INTAKE_ROUTE));
        assertThat(logged).as("the flow's log").anySatisfy(line -> assertThat(line).contains("Started " + INTAKE_ROUTE));
        secrets.forEach((name, secret) -> {
            assertThat(CapturedLog.startup()).as("start-up log, " + name).noneMatch(line -> line.contains(secret));
            assertThat(logged).as("flow log, " + name).noneMatch(line -> line.contains(secret));
            assertThat(shown).as("console, " + name).noneMatch(page -> page.contains(secret));
        });
    }

    /** Every secret of the test configuration, by the setting that holds it. */
    private Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String setting : List.of("relais.mail.imap.password", "relais.mail.smtp.password",
                "spring.mail.password", "relais.distribution.link-secret", "relais.distribution.previous-link-secrets",
                "relais.mail.reply-signing.secret-keys",
                "relais.translation.machine.api-key")) {
            String value = environment.getRequiredProperty(setting);
            assertThat(value).as(setting).hasSizeGreaterThan(6);
            secrets.put(setting, value);
        }
        // the console users' password hashes: not the passwords, but enough to guess weak ones offline
        for (String user : environment.getRequiredProperty("relais.console.users").split(",")) {
            secrets.put("hash of console user " + user.split(":")[0], user.substring(user.indexOf("{bcrypt}")));
        }
        String datasourcePassword = environment.getProperty("spring.datasource.password", "");
        if (!datasourcePassword.isEmpty()) {
            secrets.put("spring.datasource.password", datasourcePassword);
        }
        return secrets;
    }
}
