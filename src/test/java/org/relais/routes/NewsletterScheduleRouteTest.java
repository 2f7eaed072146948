package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingTicket;

/** routes/newsletter-schedule.yaml: on the leader only, a due newsletter's mails go to the throttled send queue. */
class NewsletterScheduleRouteTest extends RouteTestSupport {

    private final Newsletters newsletters = new Newsletters();

    @Override
    protected List<String> routeFiles() {
        return List.of("newsletter-schedule.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("distribution-queue-mails");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.distribution.schedule-check-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("newsletters", newsletters);
    }

    @Test
    void theLeadersTimerPutsTheIssueDueOnTheThrottledSendQueue() throws Exception {
        startAsTheLeader("newsletter-send-scheduled");

        await().until(() -> newsletters.checks.get() >= 3);
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class))
                .as("the issue due at the first check, nothing at the next ones")
                .containsExactly(new OutgoingTicket(501), new OutgoingTicket(502), new OutgoingTicket(503));
        assertThat(queuesReached()).containsExactly("distribution.outgoing");
    }

    /** Stands for NewsletterService, which writes the issue for each member in PostgreSQL. */
    public static final class Newsletters {
        final AtomicInteger checks = new AtomicInteger();

        public List<OutgoingTicket> sendDue() {
            return checks.incrementAndGet() == 1
                    ? List.of(new OutgoingTicket(501), new OutgoingTicket(502), new OutgoingTicket(503)) : List.of();
        }
    }
}
