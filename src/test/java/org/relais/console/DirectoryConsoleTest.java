package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Contacts with their roles, languages and flags; an edit changes the contact and is recorded with before/after. */
class DirectoryConsoleTest extends HubTest {

    private static final String PRESS = "presse-savoie@relais.test";

    @LocalServerPort
    int port;

    @AfterEach
    void restoreTheContact() {
        jdbc.sql("""
                        update contact set name = 'Presse locale de Savoie', language = 'fr', roles = '{press}',
                            flags = '{}' where address = :address""")
                .param("address", PRESS).update();
    }

    @Test
    void theDirectoryListsContactsWithRolesAndLanguages() {
        String page = ConsoleClient.loggedIn(port, "observer").get("/directory?q=varna").body();

        assertThat(page).contains("varna@relais.test", "organiser", "presa-varna@relais.test")
                .doesNotContain("arges@relais.test");
    }

    @Test
    void anEditIsSavedAndRecordedWithTheContactBeforeAndAfter() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        var answer = coordinator.post("/directory/" + PRESS, Map.of("name", "Presse de Savoie",
                "language", "fr", "organisation", "presse-savoie", "role", "press", "flag", "bounces"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || array_to_string(flags, ',') from contact where address = :a")
                .param("a", PRESS).query(String.class).single()).isEqualTo("Presse de Savoie bounces");
        String detail = jdbc.sql("select detail from console_action where target = :t order by id desc limit 1")
                .param("t", "contact-" + PRESS).query(String.class).single();
        assertThat(detail).contains("Presse locale de Savoie", "→", "Presse de Savoie", "[bounces]");
        assertThat(coordinator.get("/directory/" + PRESS + "?lang=en").body()).contains("mail bounces",
                "Presse locale de Savoie");
    }

    @Test
    void anUnknownFlagOrLanguageIsRefused() {
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        assertThat(coordinator.post("/directory/" + PRESS, Map.of("name", "x", "language", "de")).statusCode())
                .isEqualTo(400);
        assertThat(coordinator.postJson("/api/directory/" + PRESS,
                "{\"name\":\"x\",\"language\":\"fr\",\"roles\":[],\"flags\":[\"vip\"]}").statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select name from contact where address = :a").param("a", PRESS)
                .query(String.class).single()).isEqualTo("Presse locale de Savoie");
    }
}
