package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;

/** routes/dossier-request.yaml: a request for a seminar's funders' dossier is answered with it by mail. */
class DossierRequestRouteTest extends RouteTestSupport {

    private final DossierRequestsFake requests = new DossierRequestsFake();
    private final FailureRecorderFake failures = new FailureRecorderFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("dossier-request.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("dossierRequests", requests);
        registry.bind("failureRecorder", failures);
    }

    @Test
    void aCoordinatorsRequestIsAnsweredWithTheDossierThroughTheOutgoingQueue() {
        deliver("dossier", document(61, "dossier_request", "dossier"));

        assertThat(requests.answered).extracting(DocumentMessage::seminar).containsExactly("S1-ARGES");
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(161));
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void aDossierThatCannotBeAssembledIsDeadLetteredAndNoMailLeaves() {
        requests.failure = new IllegalStateException("PDF too large");

        deliver("dossier", document(62, "dossier_request", "dossier"));

        assertThat(failures.recorded).singleElement()
                .extracting(FailureRecorderFake.Recorded::routeId).isEqualTo("dossier-answer-request");
        assertThat(queuesReached()).containsExactly("DLQ");
    }

    /** Stands for DossierRequests, which assembles the dossier from PostgreSQL and records its mail. */
    public static final class DossierRequestsFake {
        final List<DocumentMessage> answered = new CopyOnWriteArrayList<>();
        volatile RuntimeException failure;

        public List<OutgoingTicket> answer(DocumentMessage request) {
            if (failure != null) {
                throw failure;
            }
            answered.add(request);
            return List.of(new OutgoingTicket(100 + request.documentId()));
        }
    }
}
