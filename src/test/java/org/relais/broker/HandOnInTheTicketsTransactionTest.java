package org.relais.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.server.impl.AckReason;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A queue consumer hands its work on in the transaction that acknowledges the message it took: the broker commits
 * both or neither. Were they two transactions (the listener's session and another for the sends, committed after it),
 * a crash or a broker's restart between the two commits would lose what was handed on while the message that caused
 * it is gone (bench/README.md, "The loop guard's counts, and the faults scenario's waits": a budget and a
 * distribution lost that way). Watched from inside the hub's embedded broker.
 */
class HandOnInTheTicketsTransactionTest extends HubTest {

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void anIntakeTicketIsAcknowledgedInTheTransactionThatHandsItsBudgetOn() {
        TransactionsSeen seen = new TransactionsSeen();
        broker.getActiveMQServer().registerBrokerPlugin(seen);
        try {
            mail().from("arges@relais.test").subject("Buget seminar")
                    .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();

            await().atMost(Duration.ofSeconds(30)).until(() -> seen.any("sent to budget"));
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.any("acknowledged from intake.mail"));
            assertThat(seen.together("acknowledged from intake.mail", "sent to budget"))
                    .as("the ticket's acknowledgement and the budget handed on, in one transaction").isTrue();
        } finally {
            broker.getActiveMQServer().unRegisterBrokerPlugin(seen);
        }
    }

    /** What each broker transaction did: the queues it acknowledged messages from, the addresses it sent to. */
    static final class TransactionsSeen implements ActiveMQServerMessagePlugin {
        private final Map<Long, Set<String>> byTransaction = new ConcurrentHashMap<>();

        @Override
        public void afterSend(Transaction tx, Message message, boolean direct, boolean rejectDuplicates,
                              RoutingStatus result) {
            record(tx, "sent to " + message.getAddress());
        }

        @Override
        public void messageAcknowledged(Transaction tx, MessageReference ref, AckReason reason,
                                        ServerConsumer consumer) {
            record(tx, "acknowledged from " + ref.getQueue().getName());
        }

        private void record(Transaction tx, String what) {
            if (tx != null) {
                byTransaction.computeIfAbsent(tx.getID(), id -> ConcurrentHashMap.newKeySet()).add(what);
            }
        }

        boolean any(String what) {
            return byTransaction.values().stream().anyMatch(done -> done.contains(what));
        }

        boolean together(String first, String second) {
            return byTransaction.values().stream().anyMatch(done -> done.contains(first) && done.contains(second));
        }
    }
}
