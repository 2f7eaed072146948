package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/common-errors.yaml, the error handling of every route that takes from a queue: retries with growing delays,
 * then the message is recorded and moved to the dead-letter queue as it came; when even the recording fails, the
 * error reaches the broker, which delivers the message again. Carried here by routes/attendance-count.yaml.
 */
class CommonErrorsRouteTest extends RouteTestSupport {

    private final FlakyCounter counter = new FlakyCounter();
    private final FailureRecorderFake failures = new FailureRecorderFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("common-errors.yaml", "attendance-count.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("relais.redelivery.maximum-redeliveries", "3",
                "relais.redelivery.redelivery-delay-ms", "25",
                "relais.redelivery.backoff-multiplier", "2",
                "relais.redelivery.maximum-redelivery-delay-ms", "100");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("attendanceCount", counter);
        registry.bind("failureRecorder", failures);
    }

    @Test
    void aMessageThatKeepsFailingIsRetriedWithGrowingDelaysThenRecordedAndDeadLetteredAsItCame() {
        counter.failures.set(Integer.MAX_VALUE);
        String sheet = json(document(81, "attendance", "attendance"));

        deliverText("attendance", sheet);

        assertThat(counter.waits()).as("the first attempt, then redeliveries after 25, 50 and 100 ms")
                .hasSize(3).satisfies(waits -> {
                    assertThat(waits.get(0)).isGreaterThanOrEqualTo(25);
                    assertThat(waits.get(1)).isGreaterThanOrEqualTo(50);
                    assertThat(waits.get(2)).isGreaterThanOrEqualTo(100);
                });
        assertThat(failures.recorded).singleElement().satisfies(failure -> {
            assertThat(failure.routeId()).isEqualTo("attendance-count-participants");
            assertThat(failure.error()).isEqualTo("sheet locked");
            assertThat(failure.body()).isEqualTo(sheet);
        });
        assertThat(sentTo("DLQ")).singleElement().satisfies(dead -> {
            assertThat(dead.getIn().getBody(String.class)).isEqualTo(sheet);
            assertThat(dead.getIn().getHeader("relaisFailureId")).isEqualTo(1L);
            assertThat(dead.getIn().getHeader("relaisOriginQueue")).isEqualTo("queue");
        });
        assertThat(queuesReached()).containsExactly("DLQ");
    }

    @Test
    void aMessageThatFailsOnceGoesOnItsWayWhenRetried() {
        counter.failures.set(1);

        deliver("attendance", document(82, "attendance", "attendance"));

        assertThat(counter.attempts).hasSize(2);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(982));
        assertThat(failures.recorded).isEmpty();
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void aMessageThatCannotBeReadIsDeadLetteredAsItCame() {
        deliverText("attendance", "<sheet>not JSON</sheet>");

        assertThat(counter.attempts).as("the bean never sees it").isEmpty();
        assertThat(failures.recorded).singleElement()
                .extracting(FailureRecorderFake.Recorded::body).isEqualTo("<sheet>not JSON</sheet>");
        assertThat(sentTo("DLQ")).singleElement()
                .satisfies(dead -> assertThat(dead.getIn().getBody(String.class)).isEqualTo("<sheet>not JSON</sheet>"));
    }

    @Test
    void whenTheFailureCannotBeRecordedTheErrorReachesTheBrokerAndNothingIsDeadLettered() {
        counter.failures.set(Integer.MAX_VALUE);
        failures.failure = new IllegalStateException("database down");
        NotifyBuilder failed = messagesTakenBy("attendance-count-participants").whenFailed(1).create();

        deliver("attendance", document(83, "attendance", "attendance"));

        assertThat(failed.matches(5, TimeUnit.SECONDS))
                .as("the consumer ends in error: its JMS transaction rolls back and the broker redelivers").isTrue();
        assertThat(queuesReached()).isEmpty();
    }

    @Test
    void everyRouteThatTakesFromAQueueHasThisErrorHandling() throws Exception {
        List<RouteDefinition> consumers = RouteMap.routes(Path.of("routes")).stream()
                .filter(route -> route.getInput().getEndpointUri().startsWith("jms:queue:"))
                .toList();

        assertThat(consumers).extracting(RouteDefinition::getId)
                .contains("intake-process-mail", "mail-send-outgoing", "translation-start-job");
        assertThat(consumers).allSatisfy(route -> assertThat(route.getRouteConfigurationId())
                .as(route.getId()).isEqualTo("queue-consumer"));
    }

    /** Stands for AttendanceCount; fails as many times as it is told, and notes when each attempt came. */
    public static final class FlakyCounter {
        final AtomicInteger failures = new AtomicInteger();
        final List<Long> attempts = new CopyOnWriteArrayList<>();

        public List<OutgoingTicket> count(DocumentMessage sheet) {
            attempts.add(System.nanoTime());
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("sheet locked");
            }
            return List.of(new OutgoingTicket(900 + sheet.documentId()));
        }

        /** The milliseconds between one attempt and the next. */
        List<Long> waits() {
            return IntStream.range(1, attempts.size())
                    .mapToObj(i -> TimeUnit.NANOSECONDS.toMillis(attempts.get(i) - attempts.get(i - 1))).toList();
        }
    }
}
