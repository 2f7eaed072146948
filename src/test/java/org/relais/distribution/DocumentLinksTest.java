package org.relais.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The download links of list mail against the running hub, whose key was rotated once in the tests' configuration
 * (key 2 signs, key 1 still verifies): a link serves only a distributed part, until it expires, whichever listed key
 * signed it.
 */
class DocumentLinksTest extends ListMailTest {

    private static final String PUBLIC_URL = "http://127.0.0.1:8080";
    private static final Pattern DOCUMENT_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/list/documents/\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    DistributionProperties properties;

    private Map<String, Long> parts;
    private MimeMessage toCuf;

    @BeforeEach
    void aDistributionReachedTheNetworks() {
        parts = storedVersions("arges@relais.test", "S1-ARGES", "minutes", "fr", "ro", "bg");
        publish("distribution", request("REL-2026-0701", "minutes", "S1-ARGES", parts));
        toCuf = awaitMailsTo("cuf@relais.test", "distribution", 1).get(0);
    }

    @Test
    void theLinkInAListMailServesTheDistributedFile() throws Exception {
        Matcher link = DOCUMENT_LINK.matcher(DistributionTest.text(toCuf));
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).startsWith("/list/documents/2.");

        HttpResponse<byte[]> download = get(link.group(1));

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("minutes S1-ARGES in fr");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("minutes_fr.txt"));
    }

    @Test
    void linksSignedWithThePreviousKeyStayValidAndNoOtherKeyIsTrusted() throws Exception {
        SignedLinks beforeRotation = links("1", properties.linkSecrets().get("1"), Clock.systemUTC());

        assertThat(get(path(beforeRotation.documentUrl(parts.get("ro"), "minutes_ro.txt"))).statusCode())
                .isEqualTo(200);
        HttpResponse<byte[]> unsubscribe = get(path(beforeRotation.unsubscribeUrl("cuf@relais.test")));
        assertThat(unsubscribe.statusCode()).isEqualTo(200);
        assertThat(new String(unsubscribe.body(), StandardCharsets.UTF_8)).contains("Me désabonner");

        SignedLinks forged = links("1", "someone-elses-secret-0123456789", Clock.systemUTC());
        assertThat(get(path(forged.documentUrl(parts.get("ro"), "x.txt"))).statusCode()).isEqualTo(404);
        assertThat(get(path(forged.unsubscribeUrl("cuf@relais.test"))).statusCode()).isEqualTo(404);
        SignedLinks unknownKey = links("3", properties.linkSecrets().get("2"), Clock.systemUTC());
        assertThat(get(path(unknownKey.documentUrl(parts.get("ro"), "x.txt"))).statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkIsGoneWithAPageInTheDocumentsLanguage() throws Exception {
        Clock ninetyOneDaysAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(91)), ZoneOffset.UTC);
        SignedLinks then = links("2", properties.linkSecrets().get("2"), ninetyOneDaysAgo);

        HttpResponse<byte[]> expired = get(path(then.documentUrl(parts.get("ro"), "minutes_ro.txt")));

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8))
                .contains("lang=\"ro\"", "Acest link de descărcare a expirat", "răspundeți la mesajul Relais")
                .doesNotContain("minutes S1-ARGES");
    }

    @Test
    void aValidlySignedLinkToAPartThatWasNeverDistributedServesNothing() throws Exception {
        long notDistributed = storedVersions("varna@relais.test", "S4-VARNA", "budget", "bg").get("bg");
        SignedLinks current = links("2", properties.linkSecrets().get("2"), Clock.systemUTC());

        HttpResponse<byte[]> answer = get(path(current.documentUrl(notDistributed, "budget_bg.txt")));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).doesNotContain("budget S4-VARNA");
    }

    private SignedLinks links(String keyId, String secret, Clock clock) {
        return new SignedLinks(PUBLIC_URL, keyId, Map.of(keyId, secret), properties.linkValidity(), clock);
    }

    private static String path(String url) {
        return url.substring(PUBLIC_URL.length());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
