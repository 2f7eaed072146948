package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The kept SMTP connection of each sending thread, against a relay that keeps what it was sent. */
class PooledSmtpSenderTest {

    private ScriptedSmtpServer relay;
    private PooledSmtpSender sender;

    @BeforeEach
    void start() throws Exception {
        relay = new ScriptedSmtpServer();
        JavaMailSenderImpl server = new JavaMailSenderImpl();
        server.setHost("127.0.0.1");
        server.setPort(relay.port());
        sender = new PooledSmtpSender(server);
    }

    @AfterEach
    void stop() throws Exception {
        sender.destroy();
        relay.close();
    }

    @Test
    void mailsGoOneAfterTheOtherOnOneConnectionWithNoCheckBeforeEach() throws Exception {
        for (int i = 0; i < 3; i++) {
            MimeMessage mail = mail("arges@relais.test");
            sender.send(mail);
            assertThat(mail.getHeader(PooledSmtpSender.SERVER_REPLY, null)).isEqualTo("250 2.0.0 Ok: queued as SCRIPTED");
        }

        assertThat(relay.conversations()).isEqualTo(1);
        assertThat(relay.commands()).doesNotContain("NOOP", "RSET").filteredOn("DATA"::equals).hasSize(3);
    }

    @Test
    void aMailWhoseConnectionTheServerClosedSinceTheLastGoesAtOnceOnANewOneAndOnce() throws Exception {
        relay.closeAfterEachMail();

        for (int i = 0; i < 3; i++) {
            sender.send(mail("arges@relais.test"));
        }

        assertThat(relay.conversations()).isEqualTo(3);
        assertThat(relay.commands()).filteredOn("DATA"::equals).hasSize(3);
        assertThat(relay.attemptsFor("arges@relais.test")).isEqualTo(3);
    }

    @Test
    void aMailWhoseConnectionBrokeAfterItsDataIsNotSentAgainAtOnce() throws Exception {
        sender.send(mail("arges@relais.test"));
        relay.dropAfterData();

        // the relay may have taken it: its next attempt is the ledger's (OutgoingMailSender.refused)
        assertThatThrownBy(() -> sender.send(mail("arges@relais.test"))).isInstanceOf(MessagingException.class);

        assertThat(relay.conversations()).isEqualTo(1);
        assertThat(relay.commands()).filteredOn("DATA"::equals).hasSize(2);
    }

    @Test
    void aRefusalIsThrownAndLeavesTheConnectionForTheNextMail() throws Exception {
        relay.answer("nobody@relais.test", "550 5.1.1 No such user");

        assertThatThrownBy(() -> sender.send(mail("nobody@relais.test"))).isInstanceOf(MessagingException.class);
        sender.send(mail("arges@relais.test"));

        assertThat(relay.conversations()).isEqualTo(1);
        assertThat(relay.attemptsFor("nobody@relais.test")).isEqualTo(1);
        assertThat(relay.commands()).filteredOn("DATA"::equals).hasSize(1);
    }

    private MimeMessage mail(String to) throws MessagingException {
        MimeMessage mail = new MimeMessage(sender.getSession());
        mail.setFrom(new InternetAddress("relais@relais.test"));
        mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        mail.setSubject("Accusé de réception", "UTF-8");
        mail.setText("Bonjour,\n\nnous avons bien reçu votre budget prévisionnel.\n", "UTF-8");
        return mail;
    }
}
