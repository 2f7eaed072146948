package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.support.Files;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** A reply a flow waits for reaches that flow, with its text and files, instead of being taken in as new mail. */
class AwaitedReplyTest extends HubTest {

    @Autowired
    AwaitedReplies awaited;

    @Autowired
    MailParts parts;

    @Autowired
    JmsTemplate jms;

    @Test
    void aReplyQuotingAnAwaitedReferenceGoesToTheAwaitingFlowWithItsTextAndFiles() throws Exception {
        mail().from("arges@relais.test").subject("Proces-verbal").text("Proces-verbal al seminarului.").send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();
        awaited.expect(reference, "traduction-fr@relais.test", "test.awaited", "job-7");

        mail().from("traduction-fr@relais.test").subject("Re: Traduction [" + reference + "]")
                .text("Voici la traduction.").attach("traduction.pdf", Files.pdf("compte rendu"), "application/pdf")
                .send();

        jms.setReceiveTimeout(20_000);
        TextMessage message = (TextMessage) jms.receiveSelected("test.awaited", "relaisReference = '" + reference + "'");
        assertThat(message).isNotNull();
        ReplyMessage reply = new ObjectMapper().readValue(message.getText(), ReplyMessage.class);
        assertThat(reply.context()).isEqualTo("job-7");
        assertThat(reply.quotedReference()).isEqualTo(reference);
        assertThat(reply.sender()).isEqualTo("traduction-fr@relais.test");
        assertThat(parts.part(reply.bodyPartId()).orElseThrow().text()).contains("Voici la traduction.");
        assertThat(reply.attachmentIds()).hasSize(1);
        assertThat(parts.part(reply.attachmentIds().get(0)).orElseThrow().fileName()).isEqualTo("traduction.pdf");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailsTo("traduction-fr@relais.test").isEmpty());
        assertThat(jdbc.sql("select count(*) from document where sender = 'traduction-fr@relais.test'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theSameReferenceFromSomeoneNotAwaitedIsNewMail() {
        mail().from("arges@relais.test").subject("Buget").text("Bugetul.").send();
        awaitMailsTo("arges@relais.test", 1);
        String reference = jdbc.sql("select reference from inbound_mail").query(String.class).single();
        awaited.expect(reference, "suivi-ro@relais.test", "test.awaited", "review-1");

        mail().from("neamt@relais.test").subject("Re: Buget [" + reference + "]").text("O întrebare.").send();

        assertThat(awaitMailsTo("neamt@relais.test", 1)).hasSize(1);
    }
}
