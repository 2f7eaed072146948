package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.budget.CheckedForecast;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/budget-validate.yaml: a forecast is checked, a request for the model answered, each answer mailed; the
 * follow-up group's events go to the events queue.
 */
class BudgetValidateRouteTest extends RouteTestSupport {

    private final Recorder forecasts = new Recorder(new OutgoingTicket(41));
    private final Recorder modelRequests = new Recorder(new OutgoingTicket(42));
    private final FailureRecorderFake failures = new FailureRecorderFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("budget-validate.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOffs() {
        return List.of("direct:mail-queue-tickets", "direct:notification-publish-event");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("forecastCheck", new ForecastCheckFake(forecasts));
        registry.bind("budgetModelRequest", new ModelRequestFake(modelRequests));
        registry.bind("failureRecorder", failures);
    }

    @Test
    void aForecastIsCheckedItsAnswerTicketGoesToTheSendQueueAndItsEventToTheFollowUpGroup() throws Exception {
        MockEndpoint outgoing = getMockEndpoint("mock:direct:mail-queue-tickets");
        outgoing.expectedMessageCount(1);
        MockEndpoint events = getMockEndpoint("mock:direct:notification-publish-event");
        events.expectedMessageCount(1);

        template.sendBody("jms:queue:budget", json("budget_forecast"));

        outgoing.assertIsSatisfied();
        events.assertIsSatisfied();
        assertThat(events.getReceivedExchanges().get(0).getIn().getBody(PipelineEvent.class))
                .extracting(PipelineEvent::type, PipelineEvent::reference)
                .containsExactly("budget-verdict", "REL-2026-0001");
        assertThat(outgoing.getReceivedExchanges().get(0).getIn().getBody(List.class))
                .containsExactly(new OutgoingTicket(41));
        assertThat(forecasts.seen).extracting(DocumentMessage::documentId).containsExactly(7L);
        assertThat(modelRequests.seen).isEmpty();
    }

    @Test
    void aRequestForTheModelIsAnsweredWithTheModelNotChecked() throws Exception {
        MockEndpoint outgoing = getMockEndpoint("mock:direct:mail-queue-tickets");
        outgoing.expectedMessageCount(1);
        getMockEndpoint("mock:direct:notification-publish-event").expectedMessageCount(0);

        template.sendBody("jms:queue:budget", json("template_request"));

        outgoing.assertIsSatisfied();
        getMockEndpoint("mock:direct:notification-publish-event").assertIsSatisfied();
        assertThat(outgoing.getReceivedExchanges().get(0).getIn().getBody(List.class))
                .containsExactly(new OutgoingTicket(42));
        assertThat(forecasts.seen).isEmpty();
    }

    @Test
    void aForecastThatKeepsFailingIsRecordedAndMovedToTheDeadLetterQueue() throws Exception {
        forecasts.failWith(new IllegalStateException("unreadable"));
        MockEndpoint deadLetters = getMockEndpoint("mock:jms:queue:DLQ");
        deadLetters.expectedMessageCount(1);
        deadLetters.expectedHeaderReceived("relaisFailureId", 1L);

        template.sendBody("jms:queue:budget", json("budget_forecast"));

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .as("the original message, as it came").contains("\"documentId\":7");
        assertThat(failures.recorded).singleElement().satisfies(failure -> {
            assertThat(failure.routeId()).isEqualTo("budget-validate-forecast");
            assertThat(failure.error()).isEqualTo("unreadable");
        });
        assertThat(forecasts.seen).as("tried, then retried once").hasSize(2);
        getMockEndpoint("mock:direct:mail-queue-tickets").expectedMessageCount(0);
        getMockEndpoint("mock:direct:mail-queue-tickets").assertIsSatisfied();
    }

    private static String json(String kind) {
        return """
                {"documentId":7,"reference":"REL-2026-0001","kind":"%s","flow":"budget","seminar":"S1",
                 "sender":"arges@relais.test","language":"ro","fileName":"buget.xlsx","mailId":3,"partId":5}
                """.formatted(kind);
    }

    static final class Recorder {
        final List<DocumentMessage> seen = new CopyOnWriteArrayList<>();
        final OutgoingTicket answer;
        private RuntimeException failure;

        Recorder(OutgoingTicket answer) {
            this.answer = answer;
        }

        void failWith(RuntimeException failure) {
            this.failure = failure;
        }

        List<OutgoingTicket> record(DocumentMessage document) {
            seen.add(document);
            if (failure != null) {
                throw failure;
            }
            return List.of(answer);
        }
    }

    public static final class ForecastCheckFake {
        private final Recorder recorder;

        ForecastCheckFake(Recorder recorder) {
            this.recorder = recorder;
        }

        public CheckedForecast check(DocumentMessage document) {
            return new CheckedForecast(recorder.record(document), List.of(new PipelineEvent("budget-verdict",
                    document.reference(), document.seminar(), Map.of("verdict", "accepted"))));
        }
    }

    public static final class ModelRequestFake {
        private final Recorder recorder;

        ModelRequestFake(Recorder recorder) {
            this.recorder = recorder;
        }

        public List<OutgoingTicket> answer(DocumentMessage document) {
            return recorder.record(document);
        }
    }
}
