package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.relais.mail.LoopGuardProperties;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hub writes only to the address a mail came from, never to one its headers name instead; at most so many
 * answers an hour to a robot, and to unknown senders all together; what a limit holds back is recorded, not dropped.
 */
class RepliesOnlyToSendersTest extends HubTest {

    private static final String ELSEWHERE = "elsewhere.test";

    @Autowired
    LoopGuardProperties properties;

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
        assertThat(awaitMailsTo("stranger@unknown.test", 1)).hasSize(1);
        assertThat(mailsTo("stranger@unknown.test", "unknown-sender")).hasSize(1);
        nothingEverReaches(ELSEWHERE);
        assertThat(jdbc.sql("select state from inbound_mail").query(String.class).single()).isEqualTo("quarantined");
        assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isZero();
    }

    @Test
    void aRobotSendingTheSameMailAgainAndAgainIsAnsweredUpToTheHourlyBoundAndNothingBeyondIsLost() {
        int sent = properties.robotAnswersPerHour() + 2;
        Instant written = Instant.now().minus(Duration.ofMinutes(30));
        for (int i = 1; i <= sent; i++) {
            // the same mail each minute: not faster than a person, but always the same
            mail().from("tulcea@relais.test").subject("Notificare automată").text("Stare: OK")
                    .header("Date", new MailDateFormat().format(Date.from(written.plus(Duration.ofMinutes(i)))))
                    .send();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        select count(*) from inbound_mail where state = 'processed'""")
                .query(Integer.class).single() == sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from gathered_answer where not held and outgoing_mail_id is null""")
                .query(Integer.class).single() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo("tulcea@relais.test").size() == jdbc.sql("""
                        select count(*) from outgoing_mail where recipient = 'tulcea@relais.test'""")
                        .query(Integer.class).single());
        assertThat(mailsTo("tulcea@relais.test")).hasSizeLessThanOrEqualTo(properties.robotAnswersPerHour());
        List<String> held = jdbc.sql("select purpose || ' ' || recipient from withheld_reply")
                .query(String.class).list();
        assertThat(held).isNotEmpty().allMatch("intake-ack tulcea@relais.test"::equals);
        assertThat(jdbc.sql("""
                        select count(*) from gathered_answer
                        where held and due_at is null and outgoing_mail_id is null""")
                .query(Integer.class).single()).as("each held answer kept for the coordinators").isEqualTo(held.size());
        int answeredOnTheirOwn = jdbc.sql("""
                        select count(*) from outgoing_mail where recipient = 'tulcea@relais.test'
                          and purpose = 'intake-ack'""").query(Integer.class).single();
        int inSummaries = jdbc.sql("select count(*) from gathered_answer where outgoing_mail_id is not null")
                .query(Integer.class).single();
        assertThat(answeredOnTheirOwn + inSummaries + held.size()).as("every mail answered, gathered or held")
                .isEqualTo(sent);
    }

    @Test
    void anUnknownSenderIsAnsweredWithoutTheirSubjectOrTextAndTheCoordinatorsAreToldOfBoth() throws Exception {
        mail().from("stranger@unknown.test").subject("Cheap pills at http://spam.test")
                .text("Visit http://spam.test now").send();

        MimeMessage answer = awaitMailsTo("stranger@unknown.test", 1).get(0);
        MimeMessage notice = awaitMailsTo("coordination@relais.test", 1).get(0);

        String answerText = answer.getSubject() + "\n" + answer.getContent();
        assertThat(answerText).doesNotContain("spam.test", "Cheap pills", "Visit")
                .contains("adresse non enregistrée", "adresă neînregistrată", "нерегистриран адрес");
        assertThat(notice.getSubject()).contains("stranger@unknown.test");
        assertThat((String) notice.getContent()).contains("Cheap pills at http://spam.test",
                "L'expéditeur a reçu une réponse expliquant comment être enregistré.");
    }

    @Test
    void answersToUnknownSendersStopAtTheHubsHourlyLimitAndTheCoordinatorsAreToldOfEveryMail() throws Exception {
        int cap = properties.unknownSendersPerHour();
        int sent = cap + 2;
        for (int i = 1; i <= sent; i++) {
            mail().from("forged-" + i + "@unknown.test").subject("Offer " + i).text("Buy").send();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                        select count(*) from inbound_mail where state = 'quarantined'""")
                .query(Integer.class).single() == sent);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from gathered_answer where outgoing_mail_id is null""")
                .query(Integer.class).single() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailServer.getReceivedMessagesForDomain("unknown.test").length == cap);
        assertThat(jdbc.sql("select purpose from withheld_reply").query(String.class).list())
                .hasSize(2).allMatch("unknown-sender"::equals);
        String toCoordinators = awaitMailsTo("coordination@relais.test", 1).stream().map(RepliesOnlyToSendersTest::text)
                .reduce("", String::concat);
        for (int i = 1; i <= sent; i++) {
            assertThat(toCoordinators).as("the coordinators hear of mail %d", i).contains("forged-" + i + "@unknown.test");
        }
        assertThat(toCoordinators.split("n'a pas reçu de réponse", -1)).as("two senders not answered").hasSize(3);
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getSubject() + "\n" + mail.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void nothingEverReaches(String domain) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> mailServer.getReceivedMessagesForDomain(domain).length == 0);
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient like :domain")
                .param("domain", "%@" + domain).query(Integer.class).single()).isZero();
    }
}
