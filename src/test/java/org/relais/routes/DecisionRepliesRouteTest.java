package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.TranslationJobTicket;

/**
 * routes/decision-replies.yaml: a coordinator's reply bound to a request for a decision is read under the request's
 * reference, and what the decisions it gives hand on goes on its way: the coordinator's answer, translation jobs
 * given to another translator, minutes circulated now.
 */
class DecisionRepliesRouteTest extends RouteTestSupport {

    private final Replies replies = new Replies();

    @Override
    protected List<String> routeFiles() {
        return List.of("decision-replies.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("decisionReplies", replies);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aReplyThatCirculatesTheMinutesAnswersTheCoordinatorAndSendsThemToTheDistribution() {
        DistributionRequest minutes = new DistributionRequest("REL-2026-0031", "minutes", "S1-ARGES", "Proces-verbal",
                List.of(new DistributionRequest.Version("ro", 301, "pv.pdf")));
        PipelineEvent circulated = new PipelineEvent("minutes-circulated", "REL-2026-0031", "S1-ARGES", Map.of());
        replies.dispatch = Dispatch.ofMails(List.of(new OutgoingTicket(41))).and(Dispatch.ofDistribution(minutes))
                .and(Dispatch.ofEvent(circulated));

        deliver("decision.replies", reply("decision", "REL-2026-0031"));

        assertThat(replies.handled).extracting(ReplyMessage::quotedReference).containsExactly("REL-2026-0031");
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(41));
        assertThat(sentTo("distribution", DistributionRequest.class)).containsExactly(minutes);
        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(circulated);
        assertThat(queuesReached()).containsExactly("distribution", "events", "mail.outgoing");
    }

    @Test
    void aReplyNamingATranslatorPutsTheJobBackOnTheQueueOfItsLanguage() {
        replies.dispatch = Dispatch.ofJob(new TranslationJobTicket(8, "REL-2026-0031", "bg"));

        deliver("decision.replies", reply("decision", "REL-2026-0031"));

        assertThat(sentTo("translation.bg", TranslationJobTicket.class))
                .containsExactly(new TranslationJobTicket(8, "REL-2026-0031", "bg"));
        assertThat(queuesReached()).containsExactly("translation.bg");
    }

    /** Stands for DecisionReplies, which reads the reply against what awaits a decision and records it in PostgreSQL. */
    public static final class Replies {
        final List<ReplyMessage> handled = new CopyOnWriteArrayList<>();
        volatile Dispatch dispatch;

        public Dispatch handle(ReplyMessage reply) {
            handled.add(reply);
            return dispatch;
        }
    }
}
