package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.DocumentMessage;

/**
 * routes/distribution-bounces.yaml: a delivery status notification is recorded against the mail it reports on, and
 * never answered (a mail to a mailer daemon would start a loop).
 */
class DistributionBouncesRouteTest extends RouteTestSupport {

    private final BounceReportsFake bounces = new BounceReportsFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("distribution-bounces.yaml", "common-errors.yaml");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("bounceReports", bounces);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aDeliveryReportIsRecordedAndNothingIsSentBack() {
        deliver("bounce", document(71, "delivery_report", "bounce"));

        assertThat(bounces.recorded).extracting(DocumentMessage::documentId).containsExactly(71L);
        assertThat(queuesReached()).isEmpty();
    }

    /** Stands for BounceReports, which reads the report and updates the ledger and the contact in PostgreSQL. */
    public static final class BounceReportsFake {
        final List<DocumentMessage> recorded = new CopyOnWriteArrayList<>();

        public void record(DocumentMessage report) {
            recorded.add(report);
        }
    }
}
