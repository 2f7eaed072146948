package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.distribution.DistributionPlan;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * routes/distribution-plan.yaml: a document to distribute becomes one mail per recipient, each on the throttled send
 * queue, and the plan's events go to the events queue; a replayed request hands on only what is still unsent.
 */
class DistributionPlanRouteTest extends RouteTestSupport {

    private static final DistributionRequest MINUTES = new DistributionRequest("REL-2026-0030", "minutes",
            "S1-ARGES", "Proces-verbal seminar Argeș",
            List.of(new DistributionRequest.Version("ro", 301, "pv-arges.pdf"),
                    new DistributionRequest.Version("fr", 302, "cr-arges.pdf")));

    private final Planner planner = new Planner();

    @Override
    protected List<String> routeFiles() {
        return List.of("distribution-plan.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("notification-publish-event");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("distributionPlanner", planner);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aDocumentBecomesOneMailPerRecipientOnTheThrottledSendQueue() {
        planner.plan = new DistributionPlan(
                List.of(new OutgoingTicket(11), new OutgoingTicket(12), new OutgoingTicket(13)), List.of());

        deliver("distribution", MINUTES);

        assertThat(planner.requests).containsExactly(MINUTES);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class))
                .containsExactly(new OutgoingTicket(11), new OutgoingTicket(12), new OutgoingTicket(13));
        assertThat(queuesReached()).containsExactly("distribution.outgoing");
    }

    @Test
    void thePlansEventsGoToTheEventsQueueUnderTheirReference() {
        PipelineEvent started = new PipelineEvent("distribution-started", "REL-2026-0030", "S1-ARGES",
                Map.of("recipients", "1"));
        planner.plan = new DistributionPlan(List.of(new OutgoingTicket(14)), List.of(started));

        deliver("distribution", MINUTES);

        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(started);
        assertThat(sentTo("events").get(0).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0030");
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(14));
    }

    @Test
    void aReplayedRequestWithEverythingSentHandsOnNothing() {
        planner.plan = DistributionPlan.nothing();

        deliver("distribution", MINUTES);

        assertThat(planner.requests).hasSize(1);
        assertThat(queuesReached()).isEmpty();
    }

    /** Stands for DistributionPlanner, which writes the mails and the delivery ledger in PostgreSQL. */
    public static final class Planner {
        final List<DistributionRequest> requests = new CopyOnWriteArrayList<>();
        volatile DistributionPlan plan;

        public DistributionPlan plan(DistributionRequest request) {
            requests.add(request);
            return plan;
        }
    }
}
