package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.MinutesProperties;
import org.relais.minutes.TranslationJobTicket;
import org.relais.translation.TranslationQueueRoutes;

/**
 * routes/translation-jobs.yaml: one consumer per language the minutes need, made from the template as the hub makes
 * them (org.relais.translation.TranslationQueues); each job is offered to the machine first, then started, and what
 * the start decided is handed on.
 */
class TranslationJobsRouteTest extends RouteTestSupport {

    private final List<String> steps = new CopyOnWriteArrayList<>();

    @Override
    protected List<String> routeFiles() {
        return List.of("translation-jobs.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("machineDrafts", new Machine(steps));
        registry.bind("translationJobs", new Jobs(steps));
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @BeforeEach
    void makeTheLanguagesConsumersAsTheHubDoesOnceStarted() {
        TranslationQueueRoutes.addTo(context, configured("relais.minutes", MinutesProperties.class));
    }

    @Test
    void eachLanguageTheMinutesNeedHasAConsumerOfItsOwnQueue() {
        for (String language : List.of("fr", "ro", "bg")) {
            assertThat(context.getRoute("translation-start-job-" + language).getEndpoint().getEndpointUri())
                    .startsWith("jms://queue:translation." + language + "?");
        }
        assertThat(context.getRoutes()).filteredOn(route -> route.getRouteId().startsWith("translation-start-job"))
                .hasSize(3);
    }

    @Test
    void aJobIsOfferedToTheMachineThenStartedAndWhatTheStartDecidedIsHandedOn() {
        deliver("translation.ro", new TranslationJobTicket(7, "REL-2026-0031", "ro"));

        assertThat(steps).containsExactly("machine 7 ro", "start 7 ro");
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(307));
        assertThat(sentTo("events", PipelineEvent.class)).extracting(PipelineEvent::type)
                .containsExactly("translation-requested");
        assertThat(queuesReached()).containsExactly("events", "mail.outgoing");
    }

    /** Stands for MachineDrafts, which asks the translation service and records its draft in PostgreSQL. */
    public static final class Machine {
        private final List<String> steps;

        Machine(List<String> steps) {
            this.steps = steps;
        }

        public TranslationJobTicket prepare(TranslationJobTicket ticket) {
            steps.add("machine " + ticket.jobId() + " " + ticket.language());
            return ticket;
        }
    }

    /** Stands for TranslationJobs, which asks the first translator and records it in PostgreSQL. */
    public static final class Jobs {
        private final List<String> steps;

        Jobs(List<String> steps) {
            this.steps = steps;
        }

        public Dispatch start(TranslationJobTicket ticket) {
            steps.add("start " + ticket.jobId() + " " + ticket.language());
            return Dispatch.ofMails(List.of(new OutgoingTicket(300 + ticket.jobId()))).and(Dispatch.ofEvent(
                    new PipelineEvent("translation-requested", ticket.reference(), "S1-ARGES",
                            Map.of("language", ticket.language()))));
        }
    }
}
