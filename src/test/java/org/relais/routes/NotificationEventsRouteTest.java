package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * routes/notification-events.yaml: an event a flow hands on leaves on the events queue under its reference; from
 * there each member of the follow-up group is told by list mail; the leader's timers send the gathered notices and
 * the digests due.
 */
class NotificationEventsRouteTest extends RouteTestSupport {

    private static final PipelineEvent VERDICT = new PipelineEvent("budget-verdict", "REL-2026-0001", "S1-ARGES",
            Map.of("verdict", "accepted"));

    private final Notifier notifier = new Notifier();
    private final Digests digests = new Digests();
    private final Digests gathered = new Digests(621);

    @Override
    protected List<String> routeFiles() {
        return List.of("notification-events.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("distribution-queue-mails");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.distribution.schedule-check-ms", "20", "relais.notification.gather-check-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("eventNotifier", notifier);
        registry.bind("digests", digests);
        registry.bind("gatheredNotices", gathered);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void anEventHandedOnIsQueuedThenToldToEachMemberThroughTheThrottledSendQueue() {
        NotifyBuilder told = messagesTakenBy("notification-notify-members").whenDone(1).create();

        template.sendBody("direct:notification-publish-event", VERDICT);

        assertThat(told.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(VERDICT);
        assertThat(sentTo("events").get(0).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0001");
        assertThat(notifier.announced).containsExactly(VERDICT);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class))
                .containsExactly(new OutgoingTicket(601), new OutgoingTicket(602));
        assertThat(queuesReached()).containsExactly("distribution.outgoing", "events");
    }

    @Test
    void theLeadersTimerPutsTheDigestsDueOnTheThrottledSendQueue() throws Exception {
        startAsTheLeader("notification-send-digests");

        await().until(() -> digests.checks.get() >= 3);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(611));
        assertThat(notifier.announced).isEmpty();
        assertThat(gathered.checks).hasValue(0);
    }

    @Test
    void theLeadersTimerPutsTheGatheredNoticesDueOnTheThrottledSendQueue() throws Exception {
        startAsTheLeader("notification-send-gathered");

        await().until(() -> gathered.checks.get() >= 3);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(621));
        assertThat(digests.checks).hasValue(0);
    }

    /** Stands for EventNotifier, which writes each member's mail in PostgreSQL. */
    public static final class Notifier {
        final List<PipelineEvent> announced = new CopyOnWriteArrayList<>();

        public List<OutgoingTicket> announce(PipelineEvent event) {
            announced.add(event);
            return List.of(new OutgoingTicket(601), new OutgoingTicket(602));
        }
    }

    /**
     * Stands for Digests, which writes the day's digest for each member in PostgreSQL, and for GatheredNotices,
     * which writes the notice gathering a burst's events: the first check finds one mail due, the next none.
     */
    public static final class Digests {
        final AtomicInteger checks = new AtomicInteger();
        private final long firstMail;

        Digests() {
            this(611);
        }

        Digests(long firstMail) {
            this.firstMail = firstMail;
        }

        public List<OutgoingTicket> sendDue() {
            return checks.incrementAndGet() == 1 ? List.of(new OutgoingTicket(firstMail)) : List.of();
        }
    }
}
