package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.relais.console.routes.RouteCounters;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The rehearsal a hub runs as it starts (IntakeRehearsal): intake's work on a made-up partner's mail in every
 * language the hub writes, stored and processed in transactions rolled back, tickets that name no mail through the
 * broker to intake's consumers, and no trace of either that a person or a flow could see.
 */
class IntakeRehearsalTest extends HubTest {

    private static final String TRACES = """
            select (select count(*) from inbound_mail) || ' mails, ' || (select count(*) from mail_part) || ' parts, '
                   || (select count(*) from document) || ' documents, ' || (select count(*) from outgoing_mail)
                   || ' outgoing, ' || (select count(*) from loop_arrival) || ' arrivals, '
                   || (select count(*) from gathered_answer) || ' gathered, '
                   || (select count(*) from withheld_reply) || ' withheld, '
                   || (select count(*) from pipeline_event) || ' events, '
                   || (select count(*) from failure) || ' failures'
            """;

    @Autowired
    private IntakeProcessor processor;

    @Autowired
    private IntakeRehearsal startRehearsal;

    @Autowired
    private RehearsalTickets rehearsalTickets;

    @Autowired
    private CamelContext camel;

    @Autowired
    private RouteCounters routeCounters;

    @Autowired
    private JmsTemplate jms;

    @Autowired
    private DataSource dataSource;

    @Test
    void theHubRehearsesAsItStartsInEveryLanguage() throws Exception {
        assertThat(startRehearsal.done().get(60, TimeUnit.SECONDS)).containsExactly("fr", "ro", "bg", "ru");
    }

    @Test
    void theRehearsalStoresAndProcessesAMadeUpMailInEveryLanguageAndLeavesNoTrace() throws Exception {
        startRehearsal.done().get(60, TimeUnit.SECONDS);
        String before = jdbc.sql(TRACES).query(String.class).single();
        long mailIdBefore = lastValue("inbound_mail_id_seq");
        long partIdBefore = lastValue("mail_part_id_seq");

        assertThat(processor.rehearse()).containsExactly("fr", "ro", "bg", "ru");

        assertThat(lastValue("inbound_mail_id_seq")).as("stored once in each language").isEqualTo(mailIdBefore + 4);
        assertThat(lastValue("mail_part_id_seq")).as("its text and its PDF recorded each time")
                .isEqualTo(partIdBefore + 8);
        assertThat(jdbc.sql(TRACES).query(String.class).single()).isEqualTo(before);
        settle();
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRehearsalThatWouldWaitForALockGivesUpAtOnceAndThenGoesThroughAgain() throws Exception {
        startRehearsal.done().get(60, TimeUnit.SECONDS);
        try (Connection other = dataSource.getConnection()) {
            // a table being emptied, say: no row can be added to it until this transaction ends
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("lock table inbound_mail in share mode");
            }
            long start = System.nanoTime();

            assertThat(processor.rehearse()).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            other.commit();
        }
        assertThat(processor.rehearse()).containsExactly("fr", "ro", "bg", "ru");
    }

    @Test
    void theRehearsalsTicketsAreSentOnceAsTheHubStartsAndAllTaken() {
        RouteCounters.Figures sending = routeCounters.of("intake-rehearse-tickets");

        assertThat(rehearsalTickets.allTaken()).isTrue();
        assertThat(sending.exchangesTotal()).isEqualTo(1);
        assertThat(sending.exchangesFailed()).isZero();
    }

    @Test
    void aRehearsalsTicketIsTakenFromTheBrokerForNothing() throws Exception {
        String before = jdbc.sql(TRACES).query(String.class).single();
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("intake-process-mail").whenCompleted(3).create();

        for (int i = 0; i < 3; i++) {
            jms.convertAndSend("intake.mail", "{\"mailId\":0,\"rehearsal\":true}");
        }

        assertThat(taken.matches(20, TimeUnit.SECONDS)).isTrue();
        settle();
        assertThat(jdbc.sql(TRACES).query(String.class).single()).isEqualTo(before);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
        assertThat(processor.process(new IntakeTicket(0, true))).isEqualTo(IntakeOutcome.REHEARSED);
    }

    private long lastValue(String sequence) {
        return jdbc.sql("select last_value from " + sequence).query(Long.class).single();
    }
}
