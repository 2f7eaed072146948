package org.relais.console;

import org.relais.support.ConsoleClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A quarantined mail is released by adding its sender to the directory, then processed; or it is discarded. */
class QuarantineConsoleTest extends HubTest {

    private static final String STRANGER = "primaria-nou@example.test";

    @LocalServerPort
    int port;

    @AfterEach
    void forgetTheNewContact() {
        jdbc.sql("delete from contact where address = :address").param("address", STRANGER).update();
    }

    @Test
    void releasingAddsTheSenderAndTheMailIsAnsweredInItsLanguage() throws Exception {
        mail().from(STRANGER).subject("Proces-verbal seminar").text("Bună ziua, vă scriu pentru seminar.").send();
        awaitMailsTo(STRANGER, 1);
        long mailId = jdbc.sql("select id from inbound_mail where state = 'quarantined'").query(Long.class).single();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/quarantine").body()).contains(STRANGER, "Proces-verbal seminar");
        assertThat(coordinator.get("/quarantine/" + mailId).body()).contains("vă scriu pentru seminar");

        var answer = coordinator.post("/quarantine/" + mailId + "/release", Map.of("name", "Primăria Nouă",
                "language", "ro", "organisation", "arges", "role", "partner"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || language || ' ' || array_to_string(roles, ',') from contact where address = :a")
                .param("a", STRANGER).query(String.class).single()).isEqualTo("Primăria Nouă ro partner");
        MimeMessage acknowledgement = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(STRANGER, "intake-ack"), mails -> mails.size() == 1).get(0);
        assertThat(acknowledgement.getSubject()).contains("REL-");
        assertThat(jdbc.sql("select state from inbound_mail where id = :id").param("id", mailId)
                .query(String.class).single()).isEqualTo("processed");
        assertThat(jdbc.sql("select detail from console_action where action = 'quarantine.release' and target = :t")
                .param("t", "mail-" + mailId).query(String.class).single()).contains(STRANGER, "Primăria Nouă");
    }

    @Test
    void aDiscardedMailLeavesTheQuarantineAndIsKept() {
        mail().from(STRANGER).subject("Offre spéciale").text("Achetez !").send();
        awaitMailsTo(STRANGER, 1);
        long mailId = jdbc.sql("select id from inbound_mail where state = 'quarantined'").query(Long.class).single();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");

        assertThat(coordinator.postJson("/api/quarantine/" + mailId + "/discard", "").body()).contains("DISCARDED");

        assertThat(jdbc.sql("select state from inbound_mail where id = :id").param("id", mailId)
                .query(String.class).single()).isEqualTo("discarded");
        assertThat(coordinator.get("/api/quarantine").body()).doesNotContain(STRANGER);
        assertThat(coordinator.postJson("/api/quarantine/" + mailId + "/release",
                "{\"name\":\"x\",\"language\":\"fr\",\"roles\":[]}").body()).contains("NOT_QUARANTINED");
        assertThat(jdbc.sql("select count(*) from contact where address = :a").param("a", STRANGER)
                .query(Integer.class).single()).isZero();
    }
}
