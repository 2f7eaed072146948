package org.relais.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relais.support.ConsoleClient;
import org.relais.support.HubTest;
import org.relais.support.Spreadsheets;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone can write a From header and a reference in a subject: a decision by mail counts only when it is bound to
 * the request (its signed Reply-To, or its Message-ID from the person it was sent to). Forged approvals change
 * nothing; the claimed member is asked, in their language, whether they sent it, and only their bound answer counts.
 */
class ForgedDecisionsTest extends HubTest {

    private static final List<String> MEMBERS = List.of("suivi-fr@relais.test", "suivi-ro@relais.test",
            "suivi-bg@relais.test", "suivi-md@relais.test");

    @LocalServerPort
    int port;

    @Test
    void threeForgedApprovalsChangeNothingAndEachClaimedMemberIsAskedInTheirLanguage() throws Exception {
        String reference = sendAcceptedForecast();

        // the organiser, who knows its reference from the acknowledgment, writes as three members
        mail().from("suivi-fr@relais.test").subject("[" + reference + "] J'approuve").text("J'approuve.").send();
        mail().from("suivi-ro@relais.test").subject("[" + reference + "] Aprob").text("Aprob.").send();
        mail().from("suivi-bg@relais.test").subject("[" + reference + "] Одобрявам").text("Одобрявам.").send();

        MimeMessage toFrench = awaitMailsTo("suivi-fr@relais.test", "claim-confirmation", 1).get(0);
        MimeMessage toRomanian = awaitMailsTo("suivi-ro@relais.test", "claim-confirmation", 1).get(0);
        MimeMessage toBulgarian = awaitMailsTo("suivi-bg@relais.test", "claim-confirmation", 1).get(0);
        assertThat(toFrench.getSubject()).contains("[" + reference + "]", "Avez-vous envoyé ce message");
        assertThat((String) toFrench.getContent()).contains("J'approuve", "répondez « oui »");
        assertThat(toRomanian.getSubject()).contains("Ați trimis acest mesaj");
        assertThat(toBulgarian.getSubject()).contains("Вие ли изпратихте");
        settle();
        assertThat(reviewState()).isEqualTo("open");
        assertThat(decisions()).isEmpty();
        assertThat(mailsTo("savoie@relais.test", "budget-review-outcome")).isEmpty();
        assertThat(mailsTo("suivi-fr@relais.test", "budget-review-ack")).isEmpty();
        assertThat(jdbc.sql("select claimed_sender || ' ' || state from unconfirmed_claim order by claimed_sender")
                .query(String.class).list())
                .containsExactly("suivi-bg@relais.test pending", "suivi-fr@relais.test pending",
                        "suivi-ro@relais.test pending");

        // the coordinators see the claims
        ConsoleClient observer = ConsoleClient.loggedIn(port, "observer");
        JsonNode claims = new ObjectMapper().readTree(observer.get("/api/claims").body());
        assertThat(claims.findValuesAsText("claimedSender")).containsExactlyInAnyOrder("suivi-fr@relais.test",
                "suivi-ro@relais.test", "suivi-bg@relais.test");
        assertThat(claims.findValuesAsText("requestReference")).containsOnly(reference);
        assertThat(observer.get("/unverified").body()).contains("suivi-bg@relais.test", "en attente de confirmation");

        // the real Bulgarian member did not send it; the real French and Romanian members answer the request
        mail().from("suivi-bg@relais.test").answering(toBulgarian).text("Не, не съм изпращал нищо.").send();
        await().atMost(Duration.ofSeconds(20)).until(() -> "denied".equals(jdbc.sql(
                "select state from unconfirmed_claim where claimed_sender = 'suivi-bg@relais.test'")
                .query(String.class).single()));
        mail().from("suivi-fr@relais.test").answering(request("suivi-fr@relais.test")).text("J'approuve.").send();
        mail().from("suivi-ro@relais.test").answering(request("suivi-ro@relais.test")).text("Aprob.").send();

        await().atMost(Duration.ofSeconds(30)).until(() -> "approved".equals(reviewState()));
        awaitMailsTo("savoie@relais.test", "budget-review-outcome", 1);
        assertThat(decisions()).containsExactlyInAnyOrder("suivi-fr@relais.test=APPROVE",
                "suivi-ro@relais.test=APPROVE");
    }

    @Test
    void anUnboundDecisionAppliesOnceItsSenderConfirmsItByABoundAnswer() throws Exception {
        String reference = sendAcceptedForecast();
        mail().from("suivi-ro@relais.test").subject("Buget [" + reference + "]").text("Aprob bugetul.").send();
        MimeMessage question = awaitMailsTo("suivi-ro@relais.test", "claim-confirmation", 1).get(0);
        settle();
        assertThat(decisions()).isEmpty();

        // a "da" from someone else, or not bound to the question, confirms nothing
        mail().from("arges@relais.test").answering(question).text("Da").send();
        mail().from("suivi-ro@relais.test").subject("Re: " + question.getSubject()).text("Da").send();
        settle();
        assertThat(decisions()).isEmpty();
        assertThat(jdbc.sql("select state from unconfirmed_claim where claimed_sender = 'suivi-ro@relais.test'"
                + " order by id").query(String.class).list()).first().isEqualTo("pending");

        mail().from("suivi-ro@relais.test").answering(question).text("Da, eu am trimis.").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> decisions().contains("suivi-ro@relais.test=APPROVE"));
        assertThat(awaitMailsTo("suivi-ro@relais.test", "budget-review-ack", 1)).hasSize(1);
        assertThat(jdbc.sql("select state from unconfirmed_claim where claimed_sender = 'suivi-ro@relais.test'"
                + " order by id").query(String.class).list()).first().isEqualTo("confirmed");
    }

    @Test
    void aRequestForwardedToSomeoneElseDoesNotMakeThemItsRecipient() throws Exception {
        String reference = sendAcceptedForecast();
        MimeMessage toFrench = request("suivi-fr@relais.test");
        MimeMessage organisersAnswer = mailsTo("arges@relais.test", "budget-verdict").get(0);

        // the organiser replies to the request forwarded to it, and writes as a member to its own signed address
        mail().from("arges@relais.test").answering(toFrench).text("J'approuve.").send();
        mail().from("suivi-fr@relais.test").answering(organisersAnswer).subject("Re: [" + reference + "]")
                .text("J'approuve.").send();

        awaitMailsTo("suivi-fr@relais.test", "claim-confirmation", 1);
        settle();
        assertThat(decisions()).isEmpty();
        assertThat(reviewState()).isEqualTo("open");
    }

    @Test
    void aReplyIsBoundByItsSignedAddressAloneOrByTheRequestsMessageIdAlone() throws Exception {
        sendAcceptedForecast();
        MimeMessage toFrench = request("suivi-fr@relais.test");
        MimeMessage toRomanian = request("suivi-ro@relais.test");
        String replyTo = ((InternetAddress) toFrench.getReplyTo()[0]).getAddress();
        assertThat(replyTo).matches("hub\\+r\\.t1\\.[0-9a-z]+\\.[0-9a-f]{20}@relais\\.test");

        // to the Reply-To, with a subject of its own and nothing threaded
        mail().from("suivi-fr@relais.test").to(replyTo).subject("avis").text("J'approuve.").send();
        // to the hub's plain address, threaded on the request
        mail().from("suivi-ro@relais.test").subject("Re: buget").header("In-Reply-To", toRomanian.getMessageID())
                .text("Aprob.").send();

        await().atMost(Duration.ofSeconds(30)).until(() -> "approved".equals(reviewState()));
        assertThat(mailsTo("suivi-fr@relais.test", "claim-confirmation")).isEmpty();
    }

    @Test
    void aServerThatDeliversPlusAddressesIntoTheHubsMailboxIsRecognisedByItsDeliveredTo() throws Exception {
        sendAcceptedForecast();
        String frenchReplyTo = ((InternetAddress) request("suivi-fr@relais.test").getReplyTo()[0]).getAddress();
        String romanianReplyTo = ((InternetAddress) request("suivi-ro@relais.test").getReplyTo()[0]).getAddress();

        // as Postfix and Dovecot with recipient_delimiter = + deliver: into the hub's INBOX, the plus-address in
        // Delivered-To or X-Original-To only (the writer's To named the hub's plain address, e.g. a Bcc)
        var hub = mailServer.getUserManager().getUserByEmail("hub@relais.test");
        hub.deliver(mail().from("suivi-fr@relais.test").subject("avis").text("J'approuve.")
                .header("Delivered-To", frenchReplyTo).build());
        hub.deliver(mail().from("suivi-ro@relais.test").subject("aviz").text("Aprob.")
                .header("X-Original-To", romanianReplyTo).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> "approved".equals(reviewState()));
        assertThat(decisions()).containsExactlyInAnyOrder("suivi-fr@relais.test=APPROVE",
                "suivi-ro@relais.test=APPROVE");
    }

    @Test
    void aForgedTokenOrOneMadeForAnotherRecipientBindsNothing() throws Exception {
        String reference = sendAcceptedForecast();
        String frenchReplyTo = ((InternetAddress) request("suivi-fr@relais.test").getReplyTo()[0]).getAddress();
        String altered = frenchReplyTo.replaceFirst("\\.([0-9a-f])([0-9a-f]{19})@",
                ".$2" + (frenchReplyTo.contains(".0") ? "1" : "0") + "@");

        mail().from("suivi-fr@relais.test").to(altered).subject("[" + reference + "]").text("J'approuve.").send();
        mail().from("suivi-ro@relais.test").to(frenchReplyTo).subject("[" + reference + "]").text("Aprob.").send();

        awaitMailsTo("suivi-fr@relais.test", "claim-confirmation", 1);
        awaitMailsTo("suivi-ro@relais.test", "claim-confirmation", 1);
        settle();
        assertThat(decisions()).isEmpty();
    }

    private String sendAcceptedForecast() {
        mail().from("arges@relais.test").subject("Buget seminar")
                .attach("buget.xlsx", Spreadsheets.romanianForecast(), Spreadsheets.XLSX).send();
        MEMBERS.forEach(member -> awaitMailsTo(member, "budget-review-request", 1));
        return jdbc.sql("select reference from budget").query(String.class).single();
    }

    private MimeMessage request(String member) {
        return mailsTo(member, "budget-review-request").get(0);
    }

    private String reviewState() {
        return jdbc.sql("select state from budget_review").query(String.class).single();
    }

    private List<String> decisions() {
        return jdbc.sql("select reviewer || '=' || decision from review_decision").query(String.class).list();
    }
}
