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
import org.relais.translation.FollowUpTicket;

/**
 * routes/translation-follow-up.yaml: on the leader only, a timer finds the silent translators' reminders and
 * escalations that are due and puts each on the translation.follow-up queue, from which it is mailed.
 */
class TranslationFollowUpRouteTest extends RouteTestSupport {

    private static final FollowUpTicket REMINDER = new FollowUpTicket("reminder", 4, "traducere-ro@relais.test");
    private static final FollowUpTicket ESCALATION = new FollowUpTicket("escalation", 5, "prevod-bg@relais.test");

    private final FollowUps followUps = new FollowUps();

    @Override
    protected List<String> routeFiles() {
        return List.of("translation-follow-up.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("minutes-dispatch-messages", "notification-publish-event", "mail-queue-tickets");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.translation.sweep-interval-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("translationFollowUp", followUps);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void theLeadersTimerPutsEachFollowUpDueOnItsQueueAndEachIsMailedOnce() throws Exception {
        startAsTheLeader("translation-find-follow-ups");

        await().until(() -> followUps.sweeps.get() >= 3 && followUps.followed.size() == 2);
        assertThat(sentTo("translation.follow-up", FollowUpTicket.class)).containsExactly(REMINDER, ESCALATION);
        assertThat(followUps.followed).containsExactly(REMINDER, ESCALATION);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class))
                .containsExactly(new OutgoingTicket(404), new OutgoingTicket(405));
    }

    @Test
    void anEscalationTellsTheCoordinatorsByMailAndTheFollowUpGroupByAnEvent() {
        deliver("translation.follow-up", ESCALATION);

        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(405));
        assertThat(sentTo("events", PipelineEvent.class)).extracting(PipelineEvent::type)
                .containsExactly("translation-escalated");
        assertThat(queuesReached()).containsExactly("events", "mail.outgoing");
    }

    /** Stands for TranslationFollowUp, which reads the jobs and records each reminder in PostgreSQL. */
    public static final class FollowUps {
        final AtomicInteger sweeps = new AtomicInteger();
        final List<FollowUpTicket> followed = new CopyOnWriteArrayList<>();

        public List<FollowUpTicket> due() {
            return sweeps.incrementAndGet() == 1 ? List.of(REMINDER, ESCALATION) : List.of();
        }

        public Dispatch follow(FollowUpTicket ticket) {
            followed.add(ticket);
            Dispatch mail = Dispatch.ofMails(List.of(new OutgoingTicket(400 + ticket.jobId())));
            return ticket.kind().equals("escalation") ? mail.and(Dispatch.ofEvent(new PipelineEvent(
                    "translation-escalated", "REL-2026-0031", "S1-ARGES", Map.of("translator", ticket.translator()))))
                    : mail;
        }
    }
}
