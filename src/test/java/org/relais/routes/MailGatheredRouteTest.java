package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.mail.OutgoingTicket;

/** routes/mail-gathered.yaml: on the leader only, the loop guard's summaries that are due go to the outgoing queue. */
class MailGatheredRouteTest extends RouteTestSupport {

    private final Gathered gathered = new Gathered();

    @Override
    protected List<String> routeFiles() {
        return List.of("mail-gathered.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.loop-guard.sweep-ms", "20");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("gatheredAnswers", gathered);
    }

    @Test
    void theLeadersTimerQueuesEachSummaryWhenItIsDue() throws Exception {
        startAsTheLeader("mail-send-gathered");

        await().until(() -> gathered.sweeps.get() >= 3);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class))
                .as("the summaries due at the first sweep, nothing at the next ones")
                .containsExactly(new OutgoingTicket(81), new OutgoingTicket(82));
    }

    /** Stands for GatheredAnswers, which writes the summaries and marks what they carry in PostgreSQL. */
    public static final class Gathered {
        final AtomicInteger sweeps = new AtomicInteger();

        public List<OutgoingTicket> due() {
            return sweeps.incrementAndGet() == 1 ? List.of(new OutgoingTicket(81), new OutgoingTicket(82)) : List.of();
        }
    }
}
