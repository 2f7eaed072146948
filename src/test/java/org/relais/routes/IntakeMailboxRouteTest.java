package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.timer.TimerEndpoint;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.junit.jupiter.api.Test;
import org.relais.intake.IntakeTicket;
import org.relais.intake.MailboxBatch;
import org.relais.intake.RehearsalTickets;

/**
 * routes/intake-mailbox.yaml: a poll's mails get their tickets on intake.mail, and only then are they flagged seen;
 * a poll whose tickets fail leaves its mails unseen for the next poll; a poll that finds nothing waits for the server
 * to tell of a new mail (IMAP IDLE) and the next one follows at once, or after the delay where the server cannot tell;
 * the rehearsal's tickets go the same way once, as the routes start.
 */
class IntakeMailboxRouteTest extends RouteTestSupport {

    private final MailboxFake mailbox = new MailboxFake();
    private final RehearsalFake rehearsal = new RehearsalFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("intake-mailbox.yaml");
    }

    @Override
    protected Map<String, String> settings() {
        // longer than any test waits for a poll that IDLE brings at once
        return Map.of("relais.intake.poll-delay-ms", "1500");
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("mailboxIntake", mailbox);
        registry.bind("rehearsalTickets", rehearsal);
        registry.bind("brokerTransaction", new NoTransaction());
    }

    @Test
    void aPollsMailsAreTicketedAndThenFlaggedSeenTogether() throws Exception {
        mailbox.next(batch(11, 12));
        MockEndpoint tickets = getMockEndpoint("mock:jms:queue:intake.mail");
        tickets.expectedBodiesReceived("{\"mailId\":11}", "{\"mailId\":12}");
        context.start();

        context.getRouteController().startRoute("intake-fetch-mail");

        tickets.assertIsSatisfied();
        await().atMost(Duration.ofSeconds(5)).until(() -> !mailbox.seen.isEmpty());
        assertThat(mailbox.seen).singleElement().satisfies(seen -> assertThat(seen.uids()).containsExactly(11, 12));
    }

    @Test
    void aPollWhoseTicketsFailFlagsNothingSeen() throws Exception {
        mailbox.next(batch(21, 22));
        AdviceWith.adviceWith(context, "intake-send-tickets", route -> route.weaveById("send-ticket").before()
                .filter(route.body().contains("22"))
                .throwException(new IllegalStateException("broker gone")));
        MockEndpoint tickets = getMockEndpoint("mock:jms:queue:intake.mail");
        context.start();

        context.getRouteController().startRoute("intake-fetch-mail");

        await().atMost(Duration.ofSeconds(5)).until(() -> mailbox.polls >= 2);
        assertThat(mailbox.seen).isEmpty();
        assertThat(tickets.getReceivedExchanges()).extracting(e -> e.getIn().getBody(String.class))
                .containsExactly("{\"mailId\":21}");
    }

    @Test
    void aPollThatFindsNoMailWaitsForTheServerToTellOfOneAndTheNextPollFollowsAtOnce() throws Exception {
        mailbox.speaksIdle = true;
        context.start();

        context.getRouteController().startRoute("intake-fetch-mail");

        await().atMost(Duration.ofMillis(1000)).until(() -> mailbox.polls >= 3);
        assertThat(mailbox.waits).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aServerThatCannotTellOfNewMailIsPolledAgainAfterTheDelay() throws Exception {
        context.start();

        context.getRouteController().startRoute("intake-fetch-mail");

        await().atMost(Duration.ofSeconds(5)).until(() -> mailbox.waits == 1);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1400)).until(() -> mailbox.polls == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> mailbox.polls == 2);
    }

    @Test
    void theMailboxIsReadAsSoonAsThePollerStartsNotASecondLater() throws Exception {
        context.start();
        ScheduledPollEndpoint scheduler = (ScheduledPollEndpoint) context.getRoute("intake-fetch-mail").getEndpoint();

        context.getRouteController().startRoute("intake-fetch-mail");

        assertThat(scheduler.getInitialDelay()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> mailbox.polls >= 1);
    }

    @Test
    void theRehearsalsTicketsGoToTheIntakeQueueOnceAsTheRoutesStart() throws Exception {
        rehearsal.tickets = List.of(new IntakeTicket(0, true), new IntakeTicket(0, true));
        MockEndpoint tickets = getMockEndpoint("mock:jms:queue:intake.mail");
        tickets.expectedBodiesReceived("{\"mailId\":0,\"rehearsal\":true}", "{\"mailId\":0,\"rehearsal\":true}");

        context.start();

        tickets.assertIsSatisfied();
        TimerEndpoint timer = (TimerEndpoint) context.getRoute("intake-rehearse-tickets").getEndpoint();
        assertThat(timer.getRepeatCount()).as("sent once").isEqualTo(1);
        assertThat(mailbox.polls).as("the mailbox is the leader's, started apart").isZero();
    }

    private static MailboxBatch batch(long... uids) {
        return new MailboxBatch(7, uids, java.util.Arrays.stream(uids).mapToObj(IntakeTicket::new).toList());
    }

    /** Stands for MailboxIntake, which reads the IMAP server and writes PostgreSQL. */
    public static final class MailboxFake {
        private final Deque<MailboxBatch> batches = new ArrayDeque<>();
        final List<MailboxBatch> seen = new CopyOnWriteArrayList<>();
        volatile int polls;
        volatile int waits;
        /** Whether the server speaks IDLE: the wait then ends at once, as when a mail arrives. */
        volatile boolean speaksIdle;

        synchronized void next(MailboxBatch batch) {
            batches.add(batch);
        }

        public synchronized MailboxBatch storeNewMails() {
            polls++;
            MailboxBatch batch = batches.poll();
            return batch == null ? new MailboxBatch(7, new long[0], List.of()) : batch;
        }

        public void markSeen(MailboxBatch batch) {
            if (batch.anyMail()) {
                seen.add(batch);
            }
        }

        public synchronized boolean awaitNewMail() {
            waits++;
            return speaksIdle;
        }
    }

    /** Stands for RehearsalTickets; its tickets are none unless a test names some. */
    public static final class RehearsalFake {
        volatile List<IntakeTicket> tickets = List.of();

        public RehearsalTickets.Tickets tickets() {
            return new RehearsalTickets.Tickets(tickets);
        }
    }

    /** Stands for the broker's transaction: the route's steps run as they are. */
    static final class NoTransaction implements TransactedPolicy {
        @Override
        public void beforeWrap(Route route, NamedNode definition) {
        }

        @Override
        public Processor wrap(Route route, Processor processor) {
            return processor;
        }
    }
}
