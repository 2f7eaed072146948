package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.TranslationJobTicket;

/**
 * routes/minutes-receive.yaml: a minutes document is read and recorded, its sender answered and the follow-up group
 * told, and only then are the translations of the languages it lacks planned (a coordinator's decision comes through
 * routes/decision-replies.yaml or routes/hand-off.yaml).
 */
class MinutesReceiveRouteTest extends RouteTestSupport {

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final Receiver receiver = new Receiver(steps);
    private final Planner planner = new Planner(steps);

    @Override
    protected List<String> routeFiles() {
        return List.of("minutes-receive.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("minutesReceiver", receiver);
        registry.bind("translationPlanner", planner);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @BeforeEach
    void noteEachMailSent() {
        getMockEndpoint("mock:jms:queue:mail.outgoing").whenAnyExchangeReceived(mail -> steps.add("mail sent"));
    }

    @Test
    void aMinutesIsRecordedAndAnsweredBeforeItsMissingLanguagesArePlanned() {
        deliver("minutes", document(31, "minutes", "minutes"));

        assertThat(steps).containsExactly("received 31", "mail sent", "planned REL-2026-0031 for document:31");
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(131));
        assertThat(sentTo("events", PipelineEvent.class)).extracting(PipelineEvent::type)
                .containsExactly("minutes-received");
        assertThat(sentTo("translation.fr", TranslationJobTicket.class))
                .containsExactly(new TranslationJobTicket(5, "REL-2026-0031", "fr"));
        assertThat(sentTo("translation.bg", TranslationJobTicket.class))
                .containsExactly(new TranslationJobTicket(6, "REL-2026-0031", "bg"));
        assertThat(queuesReached()).containsExactly("events", "mail.outgoing", "translation.bg", "translation.fr");
    }

    /** Stands for MinutesReceiver, which reads the text and language and records the version in PostgreSQL. */
    public static final class Receiver {
        private final List<String> steps;

        Receiver(List<String> steps) {
            this.steps = steps;
        }

        public Dispatch receive(DocumentMessage minutes) {
            steps.add("received " + minutes.documentId());
            return Dispatch.ofMails(List.of(new OutgoingTicket(100 + minutes.documentId())))
                    .and(Dispatch.ofEvent(new PipelineEvent("minutes-received", minutes.reference(),
                            minutes.seminar(), Map.of("language", "ro"))));
        }
    }

    /** Stands for TranslationPlanner, which records the jobs of the missing languages in PostgreSQL. */
    public static final class Planner {
        private final List<String> steps;

        Planner(List<String> steps) {
            this.steps = steps;
        }

        public Dispatch plan(String reference, String cause) {
            steps.add("planned " + reference + " for " + cause);
            return Dispatch.ofJob(new TranslationJobTicket(5, reference, "fr"))
                    .and(Dispatch.ofJob(new TranslationJobTicket(6, reference, "bg")));
        }
    }
}
