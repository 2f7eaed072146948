package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Unsubscription by the signed link (one click, no login), by reply, by the List-Unsubscribe mailto. */
class UnsubscribeTest extends ListMailTest {

    private static final Pattern LINK = Pattern.compile("<http://127\\.0\\.0\\.1:8080(/list/unsubscribe/[^>]+)>");

    @LocalServerPort
    int port;

    private MimeMessage toCuf;

    @BeforeEach
    void aDistributionReachedTheNetworks() {
        var parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0401", "minutes", "S1-ARGES", parts));
        toCuf = awaitMailsTo("cuf@relais.test", "distribution", 1).get(0);
        NETWORKS.forEach(address -> awaitMailsTo(address, "distribution", 1));
    }

    @Test
    void theLinkShowsAButtonThenTheOneClickPostUnsubscribesAndAForgedLinkDoesNothing() throws Exception {
        Matcher link = LINK.matcher(MimeUtility.unfold(toCuf.getHeader("List-Unsubscribe", null)));
        assertThat(link.find()).isTrue();
        URI uri = URI.create("http://127.0.0.1:" + port + link.group(1));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\">", "Me désabonner");
        assertThat(unsubscribedVia("cuf@relais.test")).as("opening the link is not enough").isNull();

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(uri.toString()
                .replace(link.group(1).substring(18, 22), "AAAA"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(unsubscribedVia("cuf@relais.test")).isNull();

        HttpResponse<String> done = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Votre désabonnement est enregistré");
        assertThat(unsubscribedVia("cuf@relais.test")).isEqualTo("link");
        assertThat(jdbc.sql("select unsubscribed_at is not null from contact where address = 'cuf@relais.test'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aReplySayingUnsubscribeUnsubscribesAndIsConfirmedInTheSendersLanguage() throws Exception {
        mail().from("cuf@relais.test").answering(toCuf)
                .text("Désabonner, merci.\n\nLe 3 mars, Relais a écrit :\n> Pour ne plus les recevoir, répondez"
                        + " « chaque » ou « résumé »\n").send();

        MimeMessage confirmation = awaitMailsTo("cuf@relais.test", ListReplies.CONFIRMATION, 1).get(0);
        assertThat(confirmation.getSubject()).contains("désabonnement enregistré");
        assertThat(unsubscribedVia("cuf@relais.test")).isEqualTo("reply");
        settle();
        assertThat(mailsTo("cuf@relais.test", "intake-ack")).as("a reply to list mail is no new document").isEmpty();
    }

    @Test
    void theListUnsubscribeMailtoUnsubscribes() throws Exception {
        MimeMessage toAnmrb = mailsTo("anmrb@relais.test", "distribution").get(0);
        String mailto = MimeUtility.unfold(toAnmrb.getHeader("List-Unsubscribe", null));
        String address = mailto.substring(mailto.indexOf("<mailto:") + 8, mailto.indexOf('?'));
        String subject = java.net.URLDecoder.decode(mailto.substring(mailto.indexOf("subject=") + 8,
                mailto.indexOf('&')), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(address).as("the mail's own signed reply address").startsWith("hub+r.").endsWith("@relais.test");
        assertThat(subject).matches("unsubscribe \\[REL-\\d{4}-\\d+]");

        // what a mail client's unsubscribe button sends: a new mail to the mailto address, nothing threaded
        mail().from("anmrb@relais.test").to(address).subject(subject).text("unsubscribe").send();

        await().atMost(Duration.ofSeconds(20)).until(() -> "reply".equals(unsubscribedVia("anmrb@relais.test")));
        assertThat(awaitMailsTo("anmrb@relais.test", ListReplies.CONFIRMATION, 1).get(0).getSubject())
                .contains("отписването е регистрирано");
    }

    @Test
    void aForgedUnsubscribeChangesNothingAndTheContactIsAskedWhetherItSentIt() throws Exception {
        Matcher tag = Pattern.compile("\\[(REL-\\d{4}-\\d+)]").matcher(toCuf.getSubject());
        assertThat(tag.find()).isTrue();

        // the subscription reference is in every list mail: anyone who saw one writes as the contact
        mail().from("cuf@relais.test").subject("unsubscribe [" + tag.group(1) + "]").text("unsubscribe").send();

        MimeMessage question = awaitMailsTo("cuf@relais.test", "claim-confirmation", 1).get(0);
        assertThat(question.getSubject()).contains("Avez-vous envoyé ce message");
        settle();
        assertThat(unsubscribedVia("cuf@relais.test")).isNull();
        assertThat(mailsTo("cuf@relais.test", ListReplies.CONFIRMATION)).isEmpty();
    }

    @Test
    void aReplyThatIsNoCommandGoesToTheCoordinatorsAndUnsubscribesNoOne() throws Exception {
        MimeMessage toUncjr = mailsTo("uncjr@relais.test", "distribution").get(0);
        mail().from("uncjr@relais.test").answering(toUncjr)
                .text("Mulțumim, foarte util. Putem primi și versiunea Word?").send();

        MimeMessage forwarded = awaitMailsTo("coordination@relais.test", ListReplies.FORWARD, 1).get(0);
        assertThat(DistributionTest.text(forwarded)).contains("uncjr@relais.test", "versiunea Word");
        assertThat(unsubscribedVia("uncjr@relais.test")).isNull();
    }

    private String unsubscribedVia(String address) {
        return jdbc.sql("select unsubscribed_via from contact where address = :address")
                .param("address", address).query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single().orElse(null);
    }
}
