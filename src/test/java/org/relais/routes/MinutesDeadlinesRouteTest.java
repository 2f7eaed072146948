package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.Dispatch;
import org.relais.minutes.OverdueTicket;

/**
 * routes/minutes-deadlines.yaml: on the leader only, a timer finds the minutes past their deadline and puts each on
 * the minutes.overdue queue, from which the coordinators are told.
 */
class MinutesDeadlinesRouteTest extends RouteTestSupport {

    private final Deadlines deadlines = new Deadlines();

    @Override
    protected List<String> routeFiles() {
        return List.of("minutes-deadlines.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.minutes.deadline-sweep-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("minutesDeadlines", deadlines);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void theLeadersTimerPutsEachOverdueMinutesOnTheOverdueQueueAndTheCoordinatorsAreTold() throws Exception {
        startAsTheLeader("minutes-find-overdue");

        await().until(() -> deadlines.sweeps.get() >= 3 && deadlines.notified.size() == 2);
        assertThat(sentTo("minutes.overdue", OverdueTicket.class))
                .containsExactly(new OverdueTicket("REL-2026-0031"), new OverdueTicket("REL-2026-0032"));
        assertThat(sentTo("minutes.overdue").get(1).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0032");
        assertThat(deadlines.notified).containsExactly(new OverdueTicket("REL-2026-0031"),
                new OverdueTicket("REL-2026-0032"));
    }

    @Test
    void theCoordinatorsAreToldOfOverdueMinutesByMailAndTheFollowUpGroupByAnEvent() {
        deliver("minutes.overdue", new OverdueTicket("REL-2026-0033"));

        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(233));
        assertThat(sentTo("events", PipelineEvent.class)).extracting(PipelineEvent::reference)
                .containsExactly("REL-2026-0033");
        assertThat(queuesReached()).containsExactly("events", "mail.outgoing");
    }

    /** Stands for MinutesDeadlines, which reads the minutes and records the notices in PostgreSQL. */
    public static final class Deadlines {
        final AtomicInteger sweeps = new AtomicInteger();
        final List<OverdueTicket> notified = new CopyOnWriteArrayList<>();

        public List<OverdueTicket> overdue() {
            return sweeps.incrementAndGet() == 1
                    ? List.of(new OverdueTicket("REL-2026-0031"), new OverdueTicket("REL-2026-0032")) : List.of();
        }

        public Dispatch notifyCoordinators(OverdueTicket ticket) {
            notified.add(ticket);
            long number = Long.parseLong(ticket.reference().substring("REL-2026-".length()));
            return Dispatch.ofMails(List.of(new OutgoingTicket(200 + number))).and(Dispatch.ofEvent(
                    new PipelineEvent("minutes-overdue", ticket.reference(), "S1-ARGES", Map.of())));
        }
    }
}
