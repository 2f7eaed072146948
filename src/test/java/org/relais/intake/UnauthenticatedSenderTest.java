package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.relais.support.TestMail;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack of issue 14 with a mail server that authenticates senders (relais.mail.trusted-authserv-id is
 * mx.relais.test in the tests): the organiser writes the follow-up group's approvals under their addresses, shaped as
 * perfect replies to the review requests. The server's verdict keeps them out: nothing is decided, nobody but the
 * coordinators hears of them, and the real members' replies still count.
 */
class UnauthenticatedSenderTest extends HubTest {

    private static final String FORGED_FROM_OUTSIDE = "Authentication-Results: mx.relais.test;\r\n"
            + "\tspf=fail (mx.relais.test: 203.0.113.9 is not allowed to send for relais.test)"
            + " smtp.mailfrom=relais.test;\r\n\tdkim=none (no signature);\r\n"
            + "\tdmarc=fail (p=none dis=none) header.from=relais.test";
    private static final String GENUINE = "Authentication-Results: mx.relais.test; dkim=pass (2048-bit key)"
            + " header.d=relais.test header.s=mail; spf=pass smtp.mailfrom=relais.test;"
            + " dmarc=pass (p=reject dis=none) header.from=relais.test";
    private static final Map<String, String> APPROVALS = Map.of("suivi-fr@relais.test", "J'approuve.",
            "suivi-ro@relais.test", "Aprob.", "suivi-bg@relais.test", "Одобрявам.");

    @LocalServerPort
    int port;

    @Test
    void forgedApprovalsAreQuarantinedWithTheServersVerdictAndDecideNothing() throws Exception {
        String reference = sendAcceptedForecast();

        APPROVALS.forEach((member, word) -> replyToReviewRequest(reference, member, word)
                .sendThroughServer(FORGED_FROM_OUTSIDE));

        List<String> reasons = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select problem from inbound_mail where state = 'quarantined' order by id
                """).query(String.class).list(), quarantined -> quarantined.size() == 3);
        assertThat(reasons).containsOnly(
                "unauthenticated sender: mx.relais.test: dmarc=fail header.from=relais.test");
        assertThat(jdbc.sql("select count(*) from review_decision").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select state from budget_review").query(String.class).single()).isEqualTo("open");
        List<MimeMessage> notices = await().atMost(Duration.ofSeconds(20)).until(
                () -> mailsTo("coordination@relais.test", "quarantine-unauthenticated"), mails -> mails.size() == 3);
        assertThat(notices).anySatisfy(notice -> assertThat((String) notice.getContent())
                .contains("suivi-bg@relais.test", "dmarc=fail", "n'a pas pu confirmer"));
        assertThat(jdbc.sql("""
                select distinct recipient from outgoing_mail
                where mail_id in (select id from inbound_mail where state = 'quarantined')
                """).query(String.class).list()).as("the claimed senders are told nothing")
                .containsExactly("coordination@relais.test");
        APPROVALS.keySet().forEach(member -> assertThat(mailsTo(member, "budget-review-ack")).isEmpty());
        assertThat(mailsTo("arges@relais.test", "budget-review-outcome")).isEmpty();
        assertThat(mailsTo("savoie@relais.test", "budget-review-outcome")).as("the funders are told nothing").isEmpty();

        String quarantine = ConsoleClient.loggedIn(port, "coordinator").get("/api/quarantine").body();
        assertThat(quarantine).contains("\"reason\":\"unauthenticated\"", "dmarc=fail header.from=relais.test");
    }

    @Test
    void aForgedVerdictBelowTheServersOwnIsIgnored() throws Exception {
        String reference = sendAcceptedForecast();

        replyToReviewRequest(reference, "suivi-fr@relais.test", "J'approuve.")
                .header("Authentication-Results", "mx.relais.test; dkim=pass header.d=relais.test; spf=pass"
                        + " smtp.mailfrom=relais.test; dmarc=pass header.from=relais.test")
                .sendThroughServer(FORGED_FROM_OUTSIDE);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from inbound_mail where state = 'quarantined'").query(Integer.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from review_decision").query(Integer.class).single()).isZero();
    }

    @Test
    void membersTheServerAuthenticatesAreCountedAndOtherServersVerdictsAreNotJudged() throws Exception {
        String reference = sendAcceptedForecast();

        replyToReviewRequest(reference, "suivi-fr@relais.test", "J'approuve.").sendThroughServer(GENUINE);
        replyToReviewRequest(reference, "suivi-ro@relais.test", "Aprob.").sendThroughServer(
                "Authentication-Results: relay.elsewhere.example; dmarc=fail header.from=relais.test");

        MimeMessage outcome = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo("arges@relais.test", "budget-review-outcome"), mails -> !mails.isEmpty()).get(0);
        assertThat(outcome.getSubject()).contains("aprobat");
        assertThat(jdbc.sql("select reviewer from review_decision order by reviewer").query(String.class).list())
                .containsExactly("suivi-fr@relais.test", "suivi-ro@relais.test");
        assertThat(jdbc.sql("select count(*) from inbound_mail where state = 'quarantined'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aCoordinatorWhoReleasesAnUnauthenticatedMailVouchesForItsSender() throws Exception {
        String reference = sendAcceptedForecast();
        replyToReviewRequest(reference, "suivi-fr@relais.test", "J'approuve.").sendThroughServer(FORGED_FROM_OUTSIDE);
        long mailId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "select id from inbound_mail where state = 'quarantined'").query(Long.class).optional(),
                Optional::isPresent).orElseThrow();
        ConsoleClient coordinator = ConsoleClient.loggedIn(port, "coordinator");
        assertThat(coordinator.get("/quarantine").body()).contains("suivi-fr@relais.test",
                "Expéditeur non authentifié", "dmarc=fail header.from=relais.test");

        coordinator.post("/quarantine/" + mailId + "/release", Map.of("name", "Suivi France", "language", "fr"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("suivi-fr@relais.test", "budget-review-ack")
                .isEmpty());
        assertThat(jdbc.sql("select reviewer || '=' || decision from review_decision").query(String.class).list())
                .containsExactly("suivi-fr@relais.test=APPROVE");
        assertThat(jdbc.sql("select state || ' ' || released_by from inbound_mail where id = :id")
                .param("id", mailId).query(String.class).single()).isEqualTo("reply coordinator");
    }

    private String sendAcceptedForecast() {
        mail().from("arges@relais.test").subject("Buget seminar")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        for (String member : List.of("suivi-fr@relais.test", "suivi-ro@relais.test", "suivi-bg@relais.test",
                "suivi-md@relais.test")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(member, "budget-review-request").isEmpty());
        }
        return jdbc.sql("select reference from budget").query(String.class).single();
    }

    /** A reply as a mail client writes it: the request's subject and Message-ID, the member's word above. */
    private TestMail replyToReviewRequest(String reference, String member, String word) {
        try {
            MimeMessage request = mailsTo(member, "budget-review-request").get(0);
            return mail().from(member).subject("RE: " + request.getSubject())
                    .header("In-Reply-To", request.getMessageID()).header("References", request.getMessageID())
                    .text(word + "\n\n> [" + reference + "]\n");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
