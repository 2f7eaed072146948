package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.console.queues.BrokerQueues;
import org.relais.support.HubTest;
import org.relais.support.RawMail;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** Nothing lost, nothing twice, no answer to robots, and failures end where a coordinator sees them. */
class IntakeSafetyTest extends HubTest {

    /** Set by a test to make the next poll fail at that point, as a crash there would. */
    private static final AtomicBoolean CRASH_AFTER_STORE = new AtomicBoolean();
    private static final AtomicBoolean CRASH_AFTER_FIRST_TICKET = new AtomicBoolean();
    private static final AtomicBoolean CRASH_BEFORE_FLAGGING = new AtomicBoolean();
    private static final String MAILBOX_ROUTE = "intake-fetch-mail";
    private static boolean advised;

    @Autowired
    CamelContext camel;

    @Autowired
    JmsTemplate jms;

    @Autowired
    BrokerQueues queues;

    @BeforeEach
    void adviseTheMailboxRouteWithCrashPoints() throws Exception {
        if (advised) {
            return;
        }
        AdviceWith.adviceWith(camel, MAILBOX_ROUTE, route -> {
            route.weaveById("store-new-mails").after().process(exchange -> crashIf(CRASH_AFTER_STORE,
                    "simulated crash between the commit and sending the tickets"));
            route.weaveById("mark-seen").before().process(exchange -> crashIf(CRASH_BEFORE_FLAGGING,
                    "simulated crash between sending the tickets and flagging the mails seen"));
        });
        AdviceWith.adviceWith(camel, "intake-send-tickets", route -> route.weaveById("send-ticket").after()
                .process(exchange -> crashIf(CRASH_AFTER_FIRST_TICKET, "simulated crash while sending the tickets")));
        // the advised route is added anew, and singleton routes start only when the leader starts them
        camel.getRouteController().startRoute(MAILBOX_ROUTE);
        advised = true;
    }

    private static void crashIf(AtomicBoolean armed, String what) {
        if (armed.getAndSet(false)) {
            throw new IllegalStateException(what);
        }
    }

    @Test
    void theSameMessageIdSentTwiceMakesOneDocumentAndOneAnswer() {
        MimeMessage message = mail().from("arges@relais.test").subject("Buget").messageId("<twice@arges.test>")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).build();
        mail().send(message);
        mail().send(message);

        awaitMailsTo("arges@relais.test", 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("arges@relais.test", "intake-ack").size() == 1);
        assertThat(jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMessageIdReusedForAnotherMailIsAnotherMail() {
        mail().from("arges@relais.test").subject("Buget").messageId("<reused@arges.test>").text("prima").send();
        awaitMailsTo("arges@relais.test", 1);
        mail().from("arges@relais.test").subject("Buget").messageId("<reused@arges.test>").text("a doua").send();

        awaitMailsTo("arges@relais.test", 2);
        assertThat(jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aMailWithoutMessageIdSentTwiceIsKnownByItsContent() {
        byte[] raw = RawMail.headers("varna@relais.test", "Bez identifikator", null)
                .line("Content-Type: text/plain; charset=UTF-8").line("").line("Здравейте").bytes();
        mail().sendRaw("varna@relais.test", raw);
        awaitMailsTo("varna@relais.test", 1);
        mail().sendRaw("varna@relais.test", raw);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("varna@relais.test").size() == 1);
        assertThat(jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownSenderIsQuarantinedAnsweredInEveryLanguageAndTheCoordinatorsAreTold() throws Exception {
        mail().from("inconnu@example.test").subject("Bonjour").send();

        MimeMessage answer = awaitMailsTo("inconnu@example.test", 1).get(0);
        assertThat(answer.getSubject()).doesNotContain("REL-").contains("adresse non enregistrée",
                "adresă neînregistrată", "нерегистриран адрес", "адрес не зарегистрирован");
        assertThat((String) answer.getContent()).contains("coordination@relais.test", "Bună ziua", "Здравейте",
                "Здравствуйте");
        MimeMessage notice = awaitMailsTo("coordination@relais.test", 1).get(0);
        assertThat(notice.getSubject()).contains("quarantaine", "inconnu@example.test");
        assertThat(jdbc.sql("select state from inbound_mail").query(String.class).single()).isEqualTo("quarantined");
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
    }

    @Test
    void anAutoReplyIsKeptButNeverAnswered() {
        mail().from("suivi-fr@relais.test").subject("Absence du bureau").header("Auto-Submitted", "auto-replied")
                .text("Je suis absent jusqu'au 15.").send();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("select count(*) from inbound_mail where state = 'automated'")
                .query(Integer.class).single() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo("suivi-fr@relais.test").isEmpty());
    }

    @Test
    void aCrashBetweenTheCommitAndTheTicketsLosesNothingAndDuplicatesNothing() {
        CRASH_AFTER_STORE.set(true);
        mail().from("pazardzhik@relais.test").subject("Бюджет").messageId("<crash1@pazardzhik.test>")
                .attach("бюджет.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();

        awaitMailsTo("pazardzhik@relais.test", 1);
        assertThat(CRASH_AFTER_STORE).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo("pazardzhik@relais.test", "intake-ack").size() == 1);
        assertThat(jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCrashAfterTheTicketsBeforeTheMailIsMarkedSeenLeadsToOneAnswer() {
        CRASH_BEFORE_FLAGGING.set(true);
        mail().from("pazardzhik@relais.test").subject("Бюджет").messageId("<crash2@pazardzhik.test>")
                .attach("бюджет.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();

        awaitMailsTo("pazardzhik@relais.test", 1);
        assertThat(CRASH_BEFORE_FLAGGING).isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo("pazardzhik@relais.test", "intake-ack").size() == 1);
        assertThat(jdbc.sql("select count(*) from inbound_mail").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aPollsTicketsReachTheQueueTogetherOrNotAtAll() throws Exception {
        List<String> senders = List.of("arges@relais.test", "varna@relais.test", "pazardzhik@relais.test");
        long ticketsBefore = ticketsAdded();
        camel.getRouteController().suspendRoute(MAILBOX_ROUTE);
        try {
            for (String sender : senders) {
                mail().from(sender).subject("Buget").text("Bonjour").send();
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> mailServer.getReceivedMessages().length == senders.size());
            CRASH_AFTER_FIRST_TICKET.set(true);
        } finally {
            camel.getRouteController().resumeRoute(MAILBOX_ROUTE);
        }

        for (String sender : senders) {
            awaitMailsTo(sender, 1);
        }
        assertThat(CRASH_AFTER_FIRST_TICKET).isFalse();
        assertThat(ticketsAdded() - ticketsBefore).as("tickets, the crashed poll's rolled back").isEqualTo(3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> senders.stream()
                .allMatch(sender -> mailsTo(sender).size() == 1));
        assertThat(jdbc.sql("select count(*) from inbound_mail where state <> 'received'").query(Integer.class)
                .single()).isEqualTo(3);
    }

    @Test
    void aBurstsPollIsFetchedAndStoredInBatchesAndEachMailIsAnsweredOnce() throws Exception {
        List<String> senders = List.of("arges@relais.test", "tulcea@relais.test", "neamt@relais.test",
                "varna@relais.test", "pazardzhik@relais.test");
        camel.getRouteController().suspendRoute(MAILBOX_ROUTE);
        try {
            for (String sender : senders) {
                for (int i = 1; i <= 2; i++) {
                    mail().from(sender).subject("Informare " + i).text("Bonjour").send();
                }
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> mailServer.getReceivedMessages().length == 2 * senders.size());
        } finally {
            camel.getRouteController().resumeRoute(MAILBOX_ROUTE);
        }

        for (String sender : senders) {
            awaitMailsTo(sender, 2);
        }
        // a transaction's mails share its start (fetched_at): one poll of ten mails, in two batches of five
        assertThat(jdbc.sql("select count(*) from inbound_mail group by fetched_at order by 1").query(Integer.class)
                .list()).containsExactly(5, 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> senders.stream()
                .allMatch(sender -> mailsTo(sender).size() == 2));
        assertThat(jdbc.sql("select count(*) from inbound_mail where state <> 'received'").query(Integer.class)
                .single()).isEqualTo(10);
    }

    private long ticketsAdded() {
        return queues.queues().stream().filter(queue -> queue.name().equals("intake.mail"))
                .mapToLong(BrokerQueues.QueueFigures::added).sum();
    }

    @Test
    void aTicketThatKeepsFailingIsRecordedAndMovedToTheDeadLetterQueue() throws Exception {
        jms.convertAndSend("intake.mail", "{\"mailId\":987654321}");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from failure")
                .query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select origin_queue || ' ' || route_id || ' ' || error from failure")
                .query(String.class).single())
                .contains("intake.mail", "intake-process-mail", "No stored mail 987654321");
        long failureId = jdbc.sql("select id from failure").query(Long.class).single();
        jms.setReceiveTimeout(10_000);
        Message dead = jms.receiveSelected("DLQ", "relaisFailureId = " + failureId);
        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty("relaisOriginQueue")).isEqualTo("intake.mail");
        assertThat(dead.getBody(String.class)).isEqualTo("{\"mailId\":987654321}");
    }
}
