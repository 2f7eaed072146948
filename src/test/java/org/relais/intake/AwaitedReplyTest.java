package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * A reply a flow waits for, bound to the mail that asked for it, reaches that flow with its text and files instead of
 * being taken in as new mail; the same reference quoted by someone else is new mail.
 */
class AwaitedReplyTest extends HubTest {

    @Autowired
    AwaitedReplies awaited;

    @Autowired
    MailParts parts;

    @Autowired
    OutgoingMailComposer composer;

    @Autowired
    JmsTemplate jms;

    @Autowired
    CamelContext camel;

    /** The translation flow awaits the reply; its consumer is stopped, so that the test reads its queue. */
    @Test
    void aReplyBoundToTheRequestGoesToTheAwaitingFlowWithItsTextAndFiles() throws Exception {
        mail().from("arges@relais.test").subject("Proces-verbal").text("Proces-verbal al seminarului.").send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();
        awaited.expect(reference, "traduction-fr@relais.test", "translation", "job-7");
        MimeMessage request = ask("traduction-fr@relais.test", reference);
        camel.getRouteController().stopRoute("translation-collect-replies");
        TextMessage message;
        try {
            mail().from("traduction-fr@relais.test").answering(request).text("Voici la traduction.")
                    .attach("traduction.pdf", Files.pdf("compte rendu"), "application/pdf").send();

            jms.setReceiveTimeout(20_000);
            message = (TextMessage) jms.receiveSelected("translation.replies",
                    "relaisReference = '" + reference + "'");
        } finally {
            camel.getRouteController().startRoute("translation-collect-replies");
        }
        assertThat(message).isNotNull();
        ReplyMessage reply = new ObjectMapper().readValue(message.getText(), ReplyMessage.class);
        assertThat(reply.flow()).isEqualTo("translation");
        assertThat(reply.context()).isEqualTo("job-7");
        assertThat(reply.quotedReference()).isEqualTo(reference);
        assertThat(reply.sender()).isEqualTo("traduction-fr@relais.test");
        assertThat(parts.part(reply.bodyPartId()).orElseThrow().text()).contains("Voici la traduction.");
        assertThat(reply.attachmentIds()).hasSize(1);
        assertThat(parts.part(reply.attachmentIds().get(0)).orElseThrow().fileName()).isEqualTo("traduction.pdf");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo("traduction-fr@relais.test").size() == 1);
        assertThat(jdbc.sql("select count(*) from document where sender = 'traduction-fr@relais.test'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theSameReferenceFromSomeoneNotAwaitedIsNewMail() {
        mail().from("arges@relais.test").subject("Buget").text("Bugetul.").send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();
        awaited.expect(reference, "suivi-ro@relais.test", "budget-review", "review-1");

        mail().from("neamt@relais.test").subject("Re: Buget [" + reference + "]").text("O întrebare.").send();

        assertThat(awaitMailsTo("neamt@relais.test", 1)).hasSize(1);
    }

    /** A mail of the hub asking {@code address} to answer the request {@code reference}, as a flow writes it. */
    private MimeMessage ask(String address, String reference) {
        long id = composer.store(new OutgoingMail("test-request", null, address, null, "fr",
                new MailTemplates.Rendered("[" + reference + "] Traduction", "Merci de traduire."), null, null,
                List.of()).about(reference));
        jms.convertAndSend("mail.outgoing", "{\"outgoingMailId\":" + id + "}");
        return awaitMailsTo(address, 1).get(0);
    }
}
