package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingMailSender.Outcome;
import org.relais.mail.OutgoingMailSender.Result;
import org.relais.mail.OutgoingTicket;

/**
 * routes/distribution-send.yaml: list mail goes through the sending step at the configured rate, one mail after the
 * other; when a distribution's last mail is settled its done event goes to the events queue; the leader's timer
 * puts the list mail due again back on the send queue.
 */
class DistributionSendRouteTest extends RouteTestSupport {

    private final Progress progress = new Progress();
    private final Retries retries = new Retries();
    private final List<Long> sendTimes = new CopyOnWriteArrayList<>();

    @Override
    protected List<String> routeFiles() {
        return List.of("distribution-send.yaml", "common-errors.yaml");
    }

    /** The sending step (mail-send.yaml, MailSendRouteTest) answers each mail as sent. */
    @Override
    protected List<String> handOffs() {
        return List.of("direct:mail-send-one");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("notification-publish-event", "distribution-queue-mails");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.distribution.throttle.mails", "4",
                "relais.distribution.throttle.period-ms", "400",
                "relais.distribution.resend-check-ms", "2000");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("deliveryProgress", progress);
        registry.bind("listMailRetries", retries);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @BeforeEach
    void theSendingStepAnswersSent() {
        sendingStep().whenAnyExchangeReceived(exchange -> {
            sendTimes.add(System.nanoTime());
            OutgoingTicket ticket = exchange.getIn().getBody(OutgoingTicket.class);
            exchange.getIn().setBody(new Result(ticket.outgoingMailId(), Outcome.SENT, "250 2.0.0 Ok"));
        });
    }

    @Test
    void aListMailIsSentAndItsDistributionsProgressChecked() {
        deliver("distribution.outgoing", new OutgoingTicket(5));

        assertThat(sendingStep().getReceivedExchanges()).extracting(e -> e.getIn().getBody())
                .containsExactly(new OutgoingTicket(5));
        assertThat(progress.results).containsExactly(new Result(5, Outcome.SENT, "250 2.0.0 Ok"));
        assertThat(queuesReached()).as("a distribution still under way announces nothing").isEmpty();
    }

    @Test
    void theLastMailOfADistributionAnnouncesItIsDoneOnTheEventsQueue() {
        progress.done = new PipelineEvent("distribution-done", "REL-2026-0040", "S1-ARGES", Map.of("sent", "12"));

        deliver("distribution.outgoing", new OutgoingTicket(6));

        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(progress.done);
        assertThat(sentTo("events").get(0).getIn().getHeader("relaisReference")).isEqualTo("REL-2026-0040");
        assertThat(queuesReached()).containsExactly("events");
    }

    @Test
    void listMailLeavesAtTheConfiguredRateNeverInABurst() {
        for (long id = 1; id <= 10; id++) {
            template.sendBody("jms:queue:distribution.outgoing", json(new OutgoingTicket(id)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sendTimes.size() == 10);
        // at most 4 mails in 400 ms; the times are taken after the throttle, which a busy machine may delay (a burst
        // would send the ten within a few milliseconds)
        for (int i = 0; i + 4 < sendTimes.size(); i++) {
            assertThat(millisBetween(i, i + 4)).as("mails %d to %d", i + 1, i + 5).isGreaterThanOrEqualTo(200);
        }
        assertThat(millisBetween(0, 9)).as("ten mails take two periods and more").isGreaterThanOrEqualTo(700);
    }

    @Test
    void theResendCheckRunsAsSoonAsThisInstanceLeads() throws Exception {
        startAsTheLeader("distribution-resend-due");

        await().atMost(Duration.ofMillis(1500)).until(() -> retries.checks.get() >= 1);
    }

    @Test
    void theLeadersCheckPutsTheListMailDueAgainBackOnTheSendQueue() throws Exception {
        startAsTheLeader("distribution-resend-due");

        await().until(() -> retries.checks.get() >= 2);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(9));
        await().until(() -> progress.results.contains(new Result(9, Outcome.SENT, "250 2.0.0 Ok")));
    }

    private long millisBetween(int first, int last) {
        return TimeUnit.NANOSECONDS.toMillis(sendTimes.get(last) - sendTimes.get(first));
    }

    private MockEndpoint sendingStep() {
        return getMockEndpoint("mock:direct:mail-send-one");
    }

    /** Stands for DeliveryProgress, which reads and settles the distribution in PostgreSQL. */
    public static final class Progress {
        final List<Result> results = new CopyOnWriteArrayList<>();
        volatile PipelineEvent done;

        public List<PipelineEvent> afterSend(Result result) {
            results.add(result);
            return done == null ? List.of() : List.of(done);
        }
    }

    /** Stands for ListMailRetries, which reads the ledger in PostgreSQL. */
    public static final class Retries {
        final AtomicInteger checks = new AtomicInteger();

        public List<OutgoingTicket> due() {
            return checks.incrementAndGet() == 1 ? List.of(new OutgoingTicket(9)) : List.of();
        }
    }
}
