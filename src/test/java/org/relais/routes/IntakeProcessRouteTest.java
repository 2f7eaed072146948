package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentMessage;
import org.relais.intake.IntakeOutcome;
import org.relais.intake.IntakeTicket;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/intake-process.yaml: a stored mail is understood, then each document goes to the queue of its flow, each
 * awaited reply to the queue of the flow awaiting it, each event to the events queue and each answer to the
 * answers' lane; what no queue takes is dead-lettered, never dropped.
 */
class IntakeProcessRouteTest extends RouteTestSupport {

    private final Processor processor = new Processor();
    private final FailureRecorderFake failures = new FailureRecorderFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("intake-process.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("notification-publish-event");
    }

    @Override
    protected List<String> handOffs() {
        return List.of("direct:mail-send-answers");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("intakeProcessor", processor);
        registry.bind("failureRecorder", failures);
    }

    @Test
    void eachDocumentGoesToTheQueueOfItsFlowUnderItsReference() {
        Map<String, DocumentMessage> byQueue = Map.of(
                "budget", document(1, "budget_forecast", "budget"),
                "report", document(2, "financial_report", "report"),
                "minutes", document(3, "minutes", "minutes"),
                "attendance", document(4, "attendance", "attendance"),
                "dossier", document(5, "dossier_request", "dossier"),
                "bounce", document(6, "delivery_report", "bounce"));
        processor.outcome = new IntakeOutcome("REL-2026-0001", List.copyOf(byQueue.values()), List.of(), List.of(),
                List.of());

        deliver("intake.mail", new IntakeTicket(40));

        assertThat(processor.tickets).containsExactly(new IntakeTicket(40));
        byQueue.forEach((queue, document) -> {
            assertThat(sentTo(queue, DocumentMessage.class)).as(queue).containsExactly(document);
            assertThat(sentTo(queue).get(0).getIn().getHeader("relaisReference")).isEqualTo(document.reference());
        });
        assertThat(queuesReached()).isEqualTo(byQueue.keySet());
    }

    @Test
    void eachAwaitedReplyGoesToTheQueueOfTheFlowAwaitingIt() {
        ReplyMessage review = reply("budget-review", "REL-2026-0010");
        ReplyMessage translation = reply("translation", "REL-2026-0020");
        ReplyMessage list = reply("list", "L-7Q2");
        processor.outcome = new IntakeOutcome("REL-2026-0051", List.of(), List.of(review, translation, list),
                List.of(), List.of());

        deliver("intake.mail", new IntakeTicket(41));

        assertThat(sentTo("budget.review", ReplyMessage.class)).containsExactly(review);
        assertThat(sentTo("translation.replies", ReplyMessage.class)).containsExactly(translation);
        assertThat(sentTo("distribution.replies", ReplyMessage.class)).containsExactly(list);
        assertThat(sentTo("budget.review").get(0).getIn().getHeader("relaisReference"))
                .as("under the reference the reply quotes").isEqualTo("REL-2026-0010");
        assertThat(queuesReached()).containsExactly("budget.review", "distribution.replies", "translation.replies");
    }

    @Test
    void theAnswersAreSentAtOnceAndTheEventsGoToTheEventsQueue() throws Exception {
        PipelineEvent received = new PipelineEvent("document-received", "REL-2026-0002", "S1-ARGES",
                Map.of("kind", "budget_forecast"));
        processor.outcome = new IntakeOutcome("REL-2026-0002", List.of(), List.of(), List.of(received),
                List.of(new OutgoingTicket(71), new OutgoingTicket(72)));

        deliver("intake.mail", new IntakeTicket(42));

        MockEndpoint answers = getMockEndpoint("mock:direct:mail-send-answers");
        answers.expectedMessageCount(1);
        answers.assertIsSatisfied();
        assertThat(answers.getReceivedExchanges().get(0).getIn().getBody())
                .isEqualTo(List.of(new OutgoingTicket(71), new OutgoingTicket(72)));
        assertThat(sentTo("events", PipelineEvent.class)).containsExactly(received);
        assertThat(queuesReached()).containsExactly("events");
    }

    /**
     * The failure happens in intake-hand-on-document, a route of its own whose (default) error handler gives up at
     * once: the exception reaches the consumer as is, past common-errors' retries and dead-letter step, so the
     * JMS transaction rolls back every message the mail had sent and the broker delivers the ticket again.
     */
    @Test
    void aDocumentOfAFlowWithoutAQueueFailsTheWholeMailBackToTheBroker() {
        processor.outcome = new IntakeOutcome("REL-2026-0003",
                List.of(document(8, "budget_forecast", "budget"), document(9, "archive", "archive")),
                List.of(), List.of(), List.of(new OutgoingTicket(73)));
        NotifyBuilder failed = messagesTakenBy("intake-process-mail").whenFailed(1).create();

        deliver("intake.mail", new IntakeTicket(43));

        assertThat(failed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(processor.tickets).as("not retried by the route").hasSize(1);
        assertThat(failures.recorded).isEmpty();
        assertThat(queuesReached())
                .as("the budget's message, sent before the failure, goes back with the transaction")
                .containsExactly("budget");
        assertThat(getMockEndpoint("mock:direct:mail-send-answers").getReceivedCounter()).as("no answer sent").isZero();
    }

    /** Stands for IntakeProcessor, which parses the stored mail and records what it found in PostgreSQL. */
    public static final class Processor {
        final List<IntakeTicket> tickets = new CopyOnWriteArrayList<>();
        volatile IntakeOutcome outcome;

        public IntakeOutcome process(IntakeTicket ticket) {
            tickets.add(ticket);
            return outcome;
        }
    }
}
