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
import org.relais.minutes.Dispatch;
import org.relais.minutes.TranslationJobTicket;

/**
 * routes/translation-replies.yaml: a translator's reply is handled, and what it decided goes on its way: the minutes
 * to the distribution once every language is there, a refused job to the next translator of its language.
 */
class TranslationRepliesRouteTest extends RouteTestSupport {

    private final Replies replies = new Replies();

    @Override
    protected List<String> routeFiles() {
        return List.of("translation-replies.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("translatorReplies", replies);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void theTranslationThatCompletesTheMinutesSendsThemToTheDistribution() {
        DistributionRequest minutes = new DistributionRequest("REL-2026-0031", "minutes", "S1-ARGES", "Proces-verbal",
                List.of(new DistributionRequest.Version("ro", 301, "pv.pdf"),
                        new DistributionRequest.Version("fr", 311, "cr.pdf"),
                        new DistributionRequest.Version("bg", 312, "protokol.pdf")));
        PipelineEvent complete = new PipelineEvent("translations-complete", "REL-2026-0031", "S1-ARGES",
                Map.of("languages", "ro, fr, bg"));
        replies.dispatch = Dispatch.ofDistribution(minutes).and(Dispatch.ofEvent(complete));

        deliver("translation.replies", reply("translation", "REL-2026-0031"));

        assertThat(replies.handled).extracting(ReplyMessage::quotedReference).containsExactly("REL-2026-0031");
        assertThat(sentTo("distribution", DistributionRequest.class)).containsExactly(minutes);
        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(complete);
        assertThat(queuesReached()).containsExactly("distribution", "events");
    }

    @Test
    void aRefusedJobGoesBackToTheQueueOfItsLanguageForTheNextTranslator() {
        replies.dispatch = Dispatch.ofJob(new TranslationJobTicket(8, "REL-2026-0031", "bg"));

        deliver("translation.replies", reply("translation", "REL-2026-0031"));

        assertThat(sentTo("translation.bg", TranslationJobTicket.class))
                .containsExactly(new TranslationJobTicket(8, "REL-2026-0031", "bg"));
        assertThat(queuesReached()).containsExactly("translation.bg");
    }

    /** Stands for TranslatorReplies, which reads the reply and records the version or the refusal in PostgreSQL. */
    public static final class Replies {
        final List<ReplyMessage> handled = new CopyOnWriteArrayList<>();
        volatile Dispatch dispatch;

        public Dispatch handle(ReplyMessage reply) {
            handled.add(reply);
            return dispatch;
        }
    }
}
