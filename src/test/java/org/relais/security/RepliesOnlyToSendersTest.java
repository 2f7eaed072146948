package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Value;

/**
 * The hub writes only to the address a mail came from, never to one its headers name instead, and at most so many
 * automatic mails an hour to one address; what the limit holds back is recorded, not dropped.
 */
class RepliesOnlyToSendersTest extends HubTest {

    private static final String ELSEWHERE = "elsewhere.test";

    @Value("${relais.intake.replies-per-sender-per-hour}")
    int repliesPerHour;

    @Test
    void aForgedReplyToOrReturnPathDoesNotRedirectAPartnersAnswer() {
        mail().from("arges@relais.test").subject("Raport")
                .header("Reply-To", "victim@" + ELSEWHERE)
                .header("Return-Path", "<bounces@" + ELSEWHERE + ">")
                .header("Sender", "sender@" + ELSEWHERE)
                .send();

        assertThat(awaitMailsTo("arges@relais.test", 1)).hasSize(1);
        nothingEverReaches(ELSEWHERE);
    }

    @Test
    void anUnknownSendersForgedReplyToIsIgnoredOnlyTheSenderAndTheCoordinatorsAreWritten() {
        mail().from("stranger@unknown.test").subject("Hello")
                .header("Reply-To", "victim@" + ELSEWHERE)
                .send();

        awaitMailsTo("coordination@relais.test", 1);
        assertThat(mailsTo("stranger@unknown.test", "unknown-sender")).hasSize(1);
        nothingEverReaches(ELSEWHERE);
        assertThat(jdbc.sql("select state from inbound_mail").query(String.class).single()).isEqualTo("quarantined");
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
    }

    @Test
    void aSendersAnswersStopAtTheHourlyLimitAndTheExcessIsRecorded() {
        int sent = repliesPerHour + 2;
        for (int i = 1; i <= sent; i++) {
            mail().from("tulcea@relais.test").subject("Mesaj " + i).send();
        }

        await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.sql("""
                        select count(*) from inbound_mail where state = 'processed'""")
                .query(Integer.class).single() == sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo("tulcea@relais.test").size() == repliesPerHour);
        assertThat(jdbc.sql("""
                        select purpose || ' ' || recipient || ' ' || (mail_id is not null) from withheld_reply""")
                .query(String.class).list())
                .containsExactly("intake-ack tulcea@relais.test true", "intake-ack tulcea@relais.test true");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo("tulcea@relais.test").size() == repliesPerHour);
    }

    private void nothingEverReaches(String domain) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailServer.getReceivedMessagesForDomain(domain).length == 0);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient like :domain")
                .param("domain", "%@" + domain).query(Integer.class).single()).isZero();
    }
}
