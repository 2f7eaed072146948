package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rehearsal a hub runs as it starts (IntakeRehearsal): intake's work on a made-up partner's mail in every
 * language the hub writes, and no trace of it that a person or a flow could see.
 */
class IntakeRehearsalTest extends HubTest {

    private static final String TRACES = """
            select (select count(*) from inbound_mail) || ' mails, ' || (select count(*) from mail_part) || ' parts, '
                   || (select count(*) from document) || ' documents, ' || (select count(*) from outgoing_mail)
                   || ' outgoing, ' || (select count(*) from loop_arrival) || ' arrivals, '
                   || (select count(*) from gathered_answer) || ' gathered, '
                   || (select count(*) from withheld_reply) || ' withheld, '
                   || (select count(*) from pipeline_event) || ' events'
            """;

    @Autowired
    private IntakeProcessor processor;

    @Autowired
    private IntakeRehearsal startRehearsal;

    @Test
    void theHubRehearsesAsItStartsInEveryLanguage() throws Exception {
        assertThat(startRehearsal.done().get(60, TimeUnit.SECONDS)).containsExactly("fr", "ro", "bg", "ru");
    }

    @Test
    void theRehearsalAcknowledgesAMadeUpMailInEveryLanguageAndLeavesNoTrace() throws Exception {
        String before = jdbc.sql(TRACES).query(String.class).single();

        assertThat(processor.rehearse()).containsExactly("fr", "ro", "bg", "ru");

        assertThat(jdbc.sql(TRACES).query(String.class).single()).isEqualTo(before);
        settle();
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }
}
