package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.DocumentMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/budget-report.yaml: a financial report is checked against the forecast; a supporting document sent later
 * updates the organiser on what is still missing; either answer goes to the outgoing queue.
 */
class BudgetReportRouteTest extends RouteTestSupport {

    private final ReportCheckFake reports = new ReportCheckFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("budget-report.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("reportCheck", reports);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aFinancialReportIsCheckedAndTheVerdictGoesToTheOutgoingQueue() {
        deliver("report", document(21, "financial_report", "report"));

        assertThat(reports.checked).extracting(DocumentMessage::documentId).containsExactly(21L);
        assertThat(reports.supporting).isEmpty();
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(721));
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void aSupportingDocumentSentLaterIsMatchedToItsReportNotCheckedAsOne() {
        deliver("report", document(22, "supporting_document", "report"));

        assertThat(reports.supporting).extracting(DocumentMessage::documentId).containsExactly(22L);
        assertThat(reports.checked).isEmpty();
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(822));
    }

    /** Stands for ReportCheck, which reads the report and the forecast from PostgreSQL and records the answer. */
    public static final class ReportCheckFake {
        final List<DocumentMessage> checked = new CopyOnWriteArrayList<>();
        final List<DocumentMessage> supporting = new CopyOnWriteArrayList<>();

        public List<OutgoingTicket> check(DocumentMessage report) {
            checked.add(report);
            return List.of(new OutgoingTicket(700 + report.documentId()));
        }

        public List<OutgoingTicket> supporting(DocumentMessage document) {
            supporting.add(document);
            return List.of(new OutgoingTicket(800 + document.documentId()));
        }
    }
}
