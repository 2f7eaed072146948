package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jms.core.JmsTemplate;

/**
 * Text that arrives from outside (subjects, sender names, file names, queue messages, names typed in a form) is shown
 * as text on every console page, never run as markup.
 */
class ConsoleEscapingTest extends HubTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMAGE = "\"><img src=x onerror=alert(2)>";
    private static final String SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final String IMAGE_SHOWN = "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;";
    private static final String STRANGER = "hostile-stranger@example.test";

    @LocalServerPort
    int port;

    @Autowired
    JmsTemplate jms;

    @AfterEach
    void forgetTheReleasedContact() {
        jdbc.sql("delete from contact where address = :address").param("address", STRANGER).update();
    }

    @Test
    void markupInMailsQueueMessagesAndFormsIsShownAsTextOnEveryPage() throws Exception {
        mail().from(named("arges@relais.test")).subject(SCRIPT + " Buget")
                .attach(IMAGE + ".xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        mail().from(named(STRANGER)).subject(SCRIPT + " Bonjour").text(IMAGE + " " + SCRIPT).send();
        jms.convertAndSend("intake.mail", "{\"mailId\":\"" + SCRIPT + IMAGE.replace("\"", "\\\"") + "\"}");
        awaitMailsTo("arges@relais.test", 2);
        awaitMailsTo(STRANGER, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from failure")
                .query(Integer.class).single() == 1);
        String reference = jdbc.sql("select reference from document").query(String.class).single();
        long quarantined = jdbc.sql("select id from inbound_mail where state = 'quarantined'").query(Long.class).single();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        shownAsText(coordinator, "/documents", SCRIPT_SHOWN, IMAGE_SHOWN);
        shownAsText(coordinator, "/documents/" + reference, SCRIPT_SHOWN, IMAGE_SHOWN);
        shownAsText(coordinator, "/documents?search=" + URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8), SCRIPT_SHOWN);
        shownAsText(coordinator, "/quarantine", SCRIPT_SHOWN);
        shownAsText(coordinator, "/quarantine/" + quarantined, SCRIPT_SHOWN, IMAGE_SHOWN);
        shownAsText(coordinator, "/queues", SCRIPT_SHOWN);
        for (String page : List.of("/board", "/routes", "/evaluation", "/directory")) {
            shownAsText(coordinator, page);
        }

        coordinator.post("/quarantine/" + quarantined + "/release", Map.of("name", SCRIPT + IMAGE, "language", "ro",
                "organisation", "arges", "role", "partner"));

        shownAsText(coordinator, "/directory", SCRIPT_SHOWN + IMAGE_SHOWN);
        shownAsText(coordinator, "/directory?q=" + URLEncoder.encode(IMAGE, StandardCharsets.UTF_8), IMAGE_SHOWN);
        shownAsText(coordinator, "/directory/" + STRANGER, SCRIPT_SHOWN + IMAGE_SHOWN);
        awaitMailsTo(STRANGER, 2);
    }

    /** The page answers, shows each expected escaped text, and holds none of the markup as markup. */
    private static void shownAsText(ConsoleClient console, String page, String... escaped) {
        var answer = console.get(page);
        assertThat(answer.statusCode()).as(page).isEqualTo(200);
        assertThat(answer.body()).as(page).doesNotContain("<script>alert", "<img src=x", "\"><img");
        for (String text : escaped) {
            assertThat(answer.body()).as(page).contains(text);
        }
    }

    /** The address with a display name made of markup, as a mail client would write it. */
    private static String named(String address) throws UnsupportedEncodingException {
        return new InternetAddress(address, SCRIPT + IMAGE, "UTF-8").toString();
    }
}
