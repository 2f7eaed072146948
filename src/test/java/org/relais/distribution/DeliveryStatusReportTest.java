package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusReportTest {

    @Test
    void readsEachRecipientsActionStatusAndTheOriginalMessageId() throws Exception {
        DeliveryStatusReport report = DeliveryStatusReport.parse(BounceTest.report("<r@mx>", "Someone@Example.org",
                "failed", "5.1.1", "smtp; 550 5.1.1 User unknown", "<distribution.abc@relais.test>"));

        assertThat(report.originalMessageId()).isEqualTo("<distribution.abc@relais.test>");
        assertThat(report.recipients()).singleElement().satisfies(status -> {
            assertThat(status.recipient()).isEqualTo("someone@example.org");
            assertThat(status.status()).isEqualTo("5.1.1");
            assertThat(status.diagnostic()).isEqualTo("smtp; 550 5.1.1 User unknown");
            assertThat(status.severity()).isEqualTo(DeliveryStatusReport.Severity.HARD);
        });
    }

    @Test
    void tellsSoftFromHardAndDelayFromFailure() throws Exception {
        assertThat(DeliveryStatusReport.parse(BounceTest.report("<r@mx>", "a@b.test", "failed", "4.2.2", "x", "<m>"))
                .recipients().get(0).severity()).isEqualTo(DeliveryStatusReport.Severity.SOFT);
        assertThat(DeliveryStatusReport.parse(BounceTest.report("<r@mx>", "a@b.test", "delayed", "4.4.7", "x", "<m>"))
                .recipients().get(0).severity()).isEqualTo(DeliveryStatusReport.Severity.DELAYED);
        assertThat(DeliveryStatusReport.parse(BounceTest.report("<r@mx>", "a@b.test", "delivered", "2.0.0", "x", "<m>"))
                .recipients().get(0).severity()).isEqualTo(DeliveryStatusReport.Severity.NONE);
    }
}
