package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.TranslationJobTicket;

/**
 * routes/minutes-dispatch.yaml: what a minutes or translation step decided goes on its way: each translation job to
 * the queue of its language, each request to distribute to the distribution queue, events to the events queue and
 * mails to the outgoing queue.
 */
class MinutesDispatchRouteTest extends RouteTestSupport {

    @Override
    protected List<String> routeFiles() {
        return List.of("minutes-dispatch.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("notification-publish-event", "mail-queue-tickets");
    }

    @Test
    void eachTranslationJobGoesToTheQueueOfItsLanguageUnderItsReference() {
        TranslationJobTicket french = new TranslationJobTicket(1, "REL-2026-0030", "fr");
        TranslationJobTicket bulgarian = new TranslationJobTicket(2, "REL-2026-0030", "bg");

        template.sendBody("direct:minutes-dispatch-messages",
                Dispatch.ofJob(french).and(Dispatch.ofJob(bulgarian)));

        assertThat(sentTo("translation.fr", TranslationJobTicket.class)).containsExactly(french);
        assertThat(sentTo("translation.bg", TranslationJobTicket.class)).containsExactly(bulgarian);
        assertThat(sentTo("translation.fr").get(0).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0030");
        assertThat(queuesReached()).containsExactly("translation.bg", "translation.fr");
    }

    @Test
    void requestsToDistributeMailsAndEventsGoEachToTheirQueue() {
        DistributionRequest complete = new DistributionRequest("REL-2026-0030", "minutes", "S1-ARGES", "Proces-verbal",
                List.of(new DistributionRequest.Version("ro", 301, "pv.pdf")));
        PipelineEvent translated = new PipelineEvent("translations-complete", "REL-2026-0030", "S1-ARGES",
                Map.of("languages", "fr, ro, bg"));

        template.sendBody("direct:minutes-dispatch-messages", Dispatch.ofDistribution(complete)
                .and(Dispatch.ofEvent(translated)).and(Dispatch.ofMails(List.of(new OutgoingTicket(33)))));

        assertThat(sentTo("distribution", DistributionRequest.class)).containsExactly(complete);
        assertThat(sentTo("distribution").get(0).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0030");
        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(translated);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(33));
        assertThat(queuesReached()).containsExactly("distribution", "events", "mail.outgoing");
    }

    @Test
    void aStepThatDecidedNothingSendsNothing() {
        template.sendBody("direct:minutes-dispatch-messages", Dispatch.none());

        assertThat(queuesReached()).isEmpty();
    }
}
