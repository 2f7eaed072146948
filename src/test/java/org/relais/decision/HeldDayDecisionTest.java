package org.relais.decision;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The day a seminar was held: when its documents are overdue the coordinators are asked for it (while none recorded
 * it), and give it by replying with a date or on the seminars board. A date in a mail that is not bound to that
 * request records nothing.
 */
class HeldDayDecisionTest extends HubTest {

    private static final String COORDINATOR = "coordination@relais.test";

    @Autowired
    TestClock clock;

    @Autowired
    CamelContext camel;

    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void noReminderSentAndTheRealTime() {
        jdbc.sql("delete from calendar_reminder").update();
        jdbc.sql("delete from seminar_held").update();
        clock.reset();
    }

    @Test
    void aCoordinatorRecordsTheDayHeldOnTheBoardAndAnObserverCannot() {
        clock.set(Instant.parse("2009-12-08T08:00:00Z"));
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        assertThat(observer.post("/seminars/S1-ARGES/held", Map.of("heldOn", "2009-09-15")).statusCode())
                .isEqualTo(403);
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/board?lang=ro").body()).contains("/seminars/S1-ARGES/held");

        assertThat(coordinator.post("/seminars/S1-ARGES/held", Map.of("heldOn", "2009-09-15")).statusCode())
                .isEqualTo(302);

        assertThat(heldDay()).isEqualTo("2009-09-15 coordinator");
        assertThat(jdbc.sql("select actor || ' ' || outcome || ' ' || detail from console_action"
                + " where action = 'seminar.held' and target = 'S1-ARGES' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("coordinator done held on 2009-09-15");
    }

    @Test
    void aCoordinatorsReplyToTheOverdueNoticeRecordsTheDayHeldButNotADayToCome() throws Exception {
        MimeMessage notice = overdueNoticeOfArges();
        assertThat((String) notice.getContent()).contains("Pour enregistrer la date de tenue du séminaire, répondez "
                + "à ce message en l'écrivant (par exemple « 14 septembre 2009 »)");

        mail().from(COORDINATOR).answering(notice).text("15/01/2010").send();
        MimeMessage refused = awaitMailsTo(COORDINATOR, "decision-answer", 1).get(0);
        assertThat((String) refused.getContent()).contains("un séminaire se tient un jour passé (reçu : 2010-01-15)");
        assertThat(heldDay()).isEqualTo("none");

        mail().from(COORDINATOR).answering(notice).text("Il s'est tenu le 15 septembre 2009, à Pitești.").send();

        MimeMessage noted = awaitMailsTo(COORDINATOR, "decision-answer", 2).get(1);
        assertThat((String) noted.getContent()).contains("le séminaire n° 1 (Argeș) s'est tenu le 15 septembre 2009");
        assertThat(heldDay()).isEqualTo("2009-09-15 " + COORDINATOR);
    }

    @Test
    void aDateInAMailThatDoesNotAnswerTheNoticeRecordsNothing() throws Exception {
        MimeMessage notice = overdueNoticeOfArges();

        mail().from(COORDINATOR).subject("Re: " + notice.getSubject()).text("15 septembre 2009").send();
        mail().from("arges@relais.test").answering(notice).text("15 septembre 2009").send();

        awaitMailsTo(COORDINATOR, "intake-ack", 1);
        settle();
        assertThat(heldDay()).isEqualTo("none");
        assertThat(mailsTo(COORDINATOR, "decision-answer")).isEmpty();
    }

    /** On 8 December 2009 every seminar but Cahul's has documents overdue: the coordinators are told, each once. */
    private MimeMessage overdueNoticeOfArges() throws Exception {
        clock.set(Instant.parse("2009-12-08T08:00:00Z"));
        camel.createFluentProducerTemplate().to("direct:calendar-send-reminders").send();
        for (MimeMessage notice : awaitMailsTo(COORDINATOR, "calendar-overdue", 5)) {
            if (notice.getSubject().contains("Argeș")) {
                return notice;
            }
        }
        throw new AssertionError("no overdue notice of Argeș");
    }

    private String heldDay() {
        return jdbc.sql("select held_on || ' ' || recorded_by from seminar_held where seminar_code = 'S1-ARGES'")
                .query(String.class).optional().orElse("none");
    }
}
