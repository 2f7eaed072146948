package org.relais.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.mail.LoopGuardProperties;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.RobotAtItsBound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Answers held back from a robot are listed for everyone; a coordinator sends them, in one summary. */
class HeldAnswersConsoleTest extends HubTest {

    private static final String ROBOT = "cahul@relais.test";

    @LocalServerPort
    int port;

    @Autowired
    LoopGuardProperties properties;

    @Test
    void aCoordinatorSendsARobotsHeldAnswersInOneSummaryAndTheActionIsRecorded() throws Exception {
        new RobotAtItsBound(this, jdbc, ROBOT, RobotAtItsBound.Manner.REPEATS_ITSELF)
                .atItsBound(properties.robotAnswersPerHour()).sendsOneMoreHeldBack();
        String reference = jdbc.sql("""
                        select g.reference from gathered_answer g where g.recipient = :robot and g.held""")
                .param("robot", ROBOT).query(String.class).single();

        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        String page = observer.get("/held-answers?lang=en").body();
        assertThat(page).contains(ROBOT, RobotAtItsBound.SUBJECT, reference, "sends the same mail again",
                "waits for a coordinator").doesNotContain("Send them in one mail");
        assertThat(observer.post("/held-answers/" + ROBOT + "/send", Map.of()).statusCode()).isEqualTo(403);
        assertThat(observer.get("/api/held-answers").body()).contains(ROBOT, "\"REPEATED\"", reference);

        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/held-answers?lang=en").body()).contains("Send them in one mail");
        assertThat(coordinator.post("/held-answers/" + ROBOT + "/send", Map.of()).statusCode()).isEqualTo(302);

        MimeMessage summary = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(ROBOT, "answers-summary"), mails -> mails.size() == 1).get(0);
        assertThat((String) summary.getContent()).contains(reference, "„" + RobotAtItsBound.SUBJECT + "”");
        assertThat(jdbc.sql("""
                        select actor || ' ' || outcome || ' ' || detail from console_action
                        where action = 'held-answers.send' and target = :target""")
                .param("target", "recipient-" + ROBOT).query(String.class).single())
                .isEqualTo("coordinator done 1 held answer(s) to go in one summary");
        assertThat(coordinator.get("/held-answers").body()).doesNotContain(reference);
        assertThat(coordinator.postJson("/api/held-answers/" + ROBOT + "/send", "").body())
                .contains("NOTHING_HELD");
    }
}
