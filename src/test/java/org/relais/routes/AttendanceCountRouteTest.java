package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;

/** routes/attendance-count.yaml: each attendance sheet is counted and the organiser answered. */
class AttendanceCountRouteTest extends RouteTestSupport {

    private final Counter counter = new Counter();
    private final FailureRecorderFake failures = new FailureRecorderFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("attendance-count.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("attendanceCount", counter);
        registry.bind("failureRecorder", failures);
    }

    @Test
    void aSheetIsCountedAndTheOrganisersAnswerGoesToTheOutgoingQueue() {
        deliver("attendance", document(12, "attendance", "attendance"));

        assertThat(counter.counted).extracting(DocumentMessage::documentId).containsExactly(12L);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(912));
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void aSheetThatCannotBeCountedIsDeadLetteredAndNotAnswered() {
        counter.failure = new IllegalStateException("sheet unreadable");

        deliver("attendance", document(13, "attendance", "attendance"));

        assertThat(failures.recorded).singleElement().satisfies(failure -> {
            assertThat(failure.routeId()).isEqualTo("attendance-count-participants");
            assertThat(failure.error()).isEqualTo("sheet unreadable");
        });
        assertThat(queuesReached()).containsExactly("DLQ");
    }

    /** Stands for AttendanceCount, which reads the sheet from PostgreSQL and records the counts and the answer. */
    public static final class Counter {
        final List<DocumentMessage> counted = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        public List<OutgoingTicket> count(DocumentMessage sheet) {
            counted.add(sheet);
            if (failure != null) {
                throw failure;
            }
            return List.of(new OutgoingTicket(900 + sheet.documentId()));
        }
    }
}
