package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingMailSender;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.PooledSmtpSender;
import org.relais.mail.ScriptedSmtpServer;
import org.springframework.beans.factory.annotation.Autowired;

/** What the SMTP relay answers is written in the ledger: 4xx is tried again later, 5xx is final. */
class SmtpAnswersTest extends ListMailTest {

    @Autowired
    CamelContext camel;

    @Autowired
    DistributionPlanner planner;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    PooledSmtpSender smtp;

    @Autowired
    ListMailRetries retries;

    @Autowired
    DistributionService distributions;

    @Autowired
    OutgoingMailComposer composer;

    @Autowired
    OutgoingMailLedger ledger;

    @Test
    void aTemporaryRefusalIsTriedAgainLaterAndSucceedsWhileAPermanentOneIsRecordedOnce() throws Exception {
        camel.getRouteController().stopRoute("distribution-send-mail");
        int mailServer = smtp.getPort();
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()) {
            relay.answer("uncjr@relais.test", "451 4.7.1 Greylisted, please try again later");
            relay.answer("anmrb@relais.test", "550 5.1.1 <anmrb@relais.test>: Recipient address rejected");
            smtp.setPort(relay.port());
            var parts = storedVersions("pazardzhik@relais.test", "S5-PAZARDZHIK", "minutes", "fr", "ro", "bg");

            List<OutgoingTicket> mails = planner.plan(request("REL-2026-0301", "minutes", "S5-PAZARDZHIK", parts))
                    .mails();
            List<OutgoingMailSender.Outcome> outcomes = mails.stream().map(this::send)
                    .map(OutgoingMailSender.Result::outcome).toList();

            assertThat(outcomes).hasSize(MINUTES_RECIPIENTS).containsOnlyOnce(OutgoingMailSender.Outcome.DEFERRED,
                    OutgoingMailSender.Outcome.REFUSED);
            assertThat(ledgerState("REL-2026-0301", "uncjr@relais.test")).isEqualTo("deferred");
            assertThat(lastReply("uncjr@relais.test")).startsWith("451 4.7.1 Greylisted");
            assertThat(ledgerState("REL-2026-0301", "anmrb@relais.test")).isEqualTo("failed");
            assertThat(lastReply("anmrb@relais.test")).startsWith("550 5.1.1");
            assertThat(ledgerState("REL-2026-0301", "cuf@relais.test")).isEqualTo("sent");
            assertThat(lastReply("cuf@relais.test")).startsWith("250 2.0.0 Ok: queued as SCRIPTED");

            long deferred = mailIdOf("uncjr@relais.test");
            await().atMost(Duration.ofSeconds(5)).until(() -> retries.due().contains(new OutgoingTicket(deferred)));
            assertThat(retries.due()).as("only the deferred mail is due").containsExactly(new OutgoingTicket(deferred));
            assertThat(send(new OutgoingTicket(deferred)).outcome())
                    .isEqualTo(OutgoingMailSender.Outcome.SENT);
            assertThat(ledgerState("REL-2026-0301", "uncjr@relais.test")).isEqualTo("sent");
            assertThat(jdbc.sql("select attempts from distribution_ledger where recipient = 'uncjr@relais.test'")
                    .query(Integer.class).single()).isEqualTo(2);

            long refused = mailIdOf("anmrb@relais.test");
            assertThat(send(new OutgoingTicket(refused)).outcome())
                    .isEqualTo(OutgoingMailSender.Outcome.ALREADY_DONE);
            assertThat(relay.attemptsFor("anmrb@relais.test")).as("a 5xx is never tried again by itself").isEqualTo(1);
            assertThat(relay.attemptsFor("cuf@relais.test")).isEqualTo(1);

            long distributionId = jdbc.sql("select id from distribution where reference = 'REL-2026-0301'")
                    .query(Long.class).single();
            assertThat(distributions.resendFailed(distributionId)).as("resend failed only")
                    .containsExactly(new OutgoingTicket(refused));
        } finally {
            smtp.setPort(mailServer);
            camel.getRouteController().startRoute("distribution-send-mail");
        }
    }

    @Test
    void aPersonalAnswerRefusedForNowIsDueAgainAtItsNextAttemptNotAfterTheLostTicketDelay() throws Exception {
        int mailServer = smtp.getPort();
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()) {
            relay.answer("arad@relais.test", "451 4.3.0 Try again later");
            smtp.setPort(relay.port());
            long id = composer.store(new OutgoingMail("intake-ack", null, "arad@relais.test", "Arad", "ro",
                    new MailTemplates.Rendered("Confirmare", "Am primit mesajul."), null, null, List.of()));
            Duration lostTicketDelay = Duration.ofMinutes(5);
            assertThat(ledger.unsentFor(lostTicketDelay, 10)).as("just written: its ticket is on its way")
                    .doesNotContain(new OutgoingTicket(id));

            assertThat(send(new OutgoingTicket(id)).outcome())
                    .isEqualTo(OutgoingMailSender.Outcome.DEFERRED);

            // relais.mail.retry.first-delay is 0.2 s in the tests: due then, not five minutes after it was written
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ledger.unsentFor(lostTicketDelay, 10).contains(new OutgoingTicket(id)));
            assertThat(send(new OutgoingTicket(id)).outcome())
                    .isEqualTo(OutgoingMailSender.Outcome.SENT);
            assertThat(ledger.unsentFor(lostTicketDelay, 10)).doesNotContain(new OutgoingTicket(id));
        } finally {
            smtp.setPort(mailServer);
        }
    }

    /** The mail through the hub's sending step (routes/mail-send.yaml), as a queue consumer hands it over. */
    private OutgoingMailSender.Result send(OutgoingTicket ticket) {
        return producer.requestBody("direct:mail-send-one", ticket, OutgoingMailSender.Result.class);
    }

    private String lastReply(String recipient) {
        return jdbc.sql("select last_reply from distribution_ledger where recipient = :recipient")
                .param("recipient", recipient).query(String.class).single();
    }

    private long mailIdOf(String recipient) {
        return jdbc.sql("select outgoing_mail_id from delivery where recipient = :recipient")
                .param("recipient", recipient).query(Long.class).single();
    }
}
