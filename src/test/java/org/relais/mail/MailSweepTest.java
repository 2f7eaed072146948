package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A stored mail whose ticket was lost (a crash between the database commit and the queue's) is ticketed again a few
 * seconds after it was written, not minutes; a mail a sender holds is left to it, and a ticketed one is not ticketed
 * again before the same delay has passed once more.
 */
class MailSweepTest extends HubTest {

    private static final Duration FEW_SECONDS = Duration.ofSeconds(1);

    @Autowired
    OutgoingMailComposer composer;

    @Autowired
    OutgoingMailLedger ledger;

    @Autowired
    OutgoingMailRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aMailWithoutTicketIsTicketedAgainAfterAFewSecondsOnceAndNotWhileASenderHoldsIt() throws Exception {
        long lost = store("arad@relais.test");
        long held = store("tulcea@relais.test");
        assertThat(ledger.unsentFor(FEW_SECONDS, 10)).as("just written: its ticket is on its way")
                .doesNotContain(new OutgoingTicket(lost), new OutgoingTicket(held));

        List<OutgoingTicket> swept = transaction.execute(status -> {
            // a sender holds this one: its row is locked while the SMTP server answers
            assertThat(repository.unsent(held)).isPresent();
            return await().atMost(Duration.ofSeconds(5)).until(() -> onOtherConnection(), t -> !t.isEmpty());
        });

        assertThat(swept).contains(new OutgoingTicket(lost)).doesNotContain(new OutgoingTicket(held));
        assertThat(ledger.unsentFor(FEW_SECONDS, 10)).as("ticketed a moment ago")
                .doesNotContain(new OutgoingTicket(lost));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ledger.unsentFor(FEW_SECONDS, 10).contains(new OutgoingTicket(lost)));
    }

    /** The sweep in a transaction of its own, as the route runs it beside the senders. */
    private List<OutgoingTicket> onOtherConnection() throws InterruptedException {
        List<List<OutgoingTicket>> result = new ArrayList<>();
        Thread sweep = new Thread(() -> result.add(ledger.unsentFor(FEW_SECONDS, 10)));
        sweep.start();
        sweep.join();
        return result.get(0);
    }

    private long store(String recipient) {
        return composer.store(new OutgoingMail("intake-ack", null, recipient, null, "ro",
                new MailTemplates.Rendered("Confirmare", "Am primit mesajul."), null, null, List.of()));
    }
}
