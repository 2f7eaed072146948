package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Authentication-Results headers in the shapes real servers write them (Gmail, Office 365, Postfix with OpenDKIM and
 * OpenDMARC as docker-mailserver runs them, rspamd), and forged ones: only the trusted server's topmost header counts.
 */
class SenderAuthenticationTest {

    private static final String TRUSTED = "mail.relais.example.org";
    private final SenderAuthentication authentication = new SenderAuthentication(TRUSTED);

    @Test
    void openDmarcFailureOfThePartnershipServerMakesTheSenderUnauthenticated() {
        List<String> headers = List.of(
                "mail.relais.example.org; dmarc=fail (p=none dis=none) header.from=relais.example.org",
                """
                mail.relais.example.org;\r
                \tdkim=fail reason="signature verification failed" (2048-bit key; unprotected)\r
                 header.d=relais.example.org header.i=@relais.example.org header.a=rsa-sha256 header.s=mail\r
                 header.b=WkMhxZ3h;\r
                \tdkim-atps=neutral""");

        assertThat(authentication.failure(headers))
                .hasValue("mail.relais.example.org: dmarc=fail header.from=relais.example.org");
    }

    @Test
    void openDmarcPassIsAuthenticated() {
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org; dmarc=pass (p=reject dis=none) header.from=gmail.com",
                "mail.relais.example.org; dkim=pass (2048-bit key; unprotected) header.d=gmail.com"
                        + " header.i=@gmail.com header.b=\"Xj3yTwBo\"; dkim-atps=neutral")))
                .isEmpty();
    }

    @Test
    void aForgedHeaderWithTheTrustedIdBelowTheServersOwnIsIgnored() {
        List<String> topmostFirst = List.of(
                "mail.relais.example.org; dmarc=fail (p=quarantine dis=quarantine) header.from=relais.example.org",
                "mail.relais.example.org; dmarc=pass header.from=relais.example.org; spf=pass"
                        + " smtp.mailfrom=relais.example.org; dkim=pass header.d=relais.example.org");

        assertThat(authentication.failure(topmostFirst)).hasValueSatisfying(
                reason -> assertThat(reason).contains("dmarc=fail"));
        assertThat(authentication.failure(List.of(topmostFirst.get(1), topmostFirst.get(0)))).isEmpty();
    }

    @Test
    void headersOfOtherServersCountForNothingWhereverTheyStand() {
        assertThat(authentication.failure(List.of(
                "relay.elsewhere.example; dmarc=fail header.from=relais.example.org",
                "mail.relais.example.org; dmarc=pass header.from=relais.example.org",
                "mx.google.com; dmarc=fail header.from=relais.example.org"))).isEmpty();
        assertThat(authentication.failure(List.of(
                "mx.google.com; dmarc=pass header.from=relais.example.org",
                "mail.relais.example.org; spf=fail smtp.mailfrom=relais.example.org; dkim=none"))).isPresent();
    }

    @Test
    void gmailShapesAreRead() {
        var gmail = new SenderAuthentication("mx.google.com");

        assertThat(gmail.failure(List.of("""
                mx.google.com;\r
                       dkim=pass header.i=@primaria-arges.ro header.s=s1 header.b=Xj3yTwBo;\r
                       spf=pass (google.com: domain of contact@primaria-arges.ro designates 2001:db8::1 as\r
                 permitted sender) smtp.mailfrom=contact@primaria-arges.ro;\r
                       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=primaria-arges.ro"""))).isEmpty();
        assertThat(gmail.failure(List.of("""
                mx.google.com;\r
                       spf=fail (google.com: domain of suivi-fr@relais.example.org does not designate\r
                 203.0.113.9 as permitted sender) smtp.mailfrom=suivi-fr@relais.example.org;\r
                       dmarc=fail (p=REJECT sp=REJECT dis=QUARANTINE) header.from=relais.example.org""")))
                .hasValue("mx.google.com: dmarc=fail header.from=relais.example.org");
    }

    @Test
    void rspamdsSingleHeaderWithAQuotedReasonIsRead() {
        assertThat(authentication.failure(List.of("""
                mail.relais.example.org;\r
                \tdkim=none;\r
                \tdmarc=fail reason="SPF not aligned (relaxed), No valid DKIM" header.from=relais.example.org\r
                 (policy=none);\r
                \tspf=pass (mail.relais.example.org: domain of x@elsewhere.example designates 203.0.113.9 as permitted\r
                 sender) smtp.mailfrom=x@elsewhere.example""")))
                .hasValue("mail.relais.example.org: dmarc=fail header.from=relais.example.org");
    }

    @Test
    void office365sHeaderWithoutAuthservIdIsNeverTheTrustedOne() {
        String office365 = """
                spf=fail (sender IP is 203.0.113.9)\r
                 smtp.mailfrom=relais.example.org; dkim=none (message not signed)\r
                 header.d=none;dmarc=fail action=none header.from=relais.example.org;compauth=fail\r
                 reason=001""";

        assertThat(AuthenticationResults.parse(office365).isFrom(TRUSTED)).isFalse();
        assertThat(authentication.failure(List.of(office365,
                "mail.relais.example.org; dkim=pass header.d=relais.example.org"))).isEmpty();
    }

    @Test
    void spfAndDkimBothFailingWithoutDmarcVerdictIsUnauthenticated() {
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org 1; spf=softfail smtp.mailfrom=relais.example.org; dkim=none;"
                        + " dmarc=none header.from=relais.example.org")))
                .hasValue("mail.relais.example.org: spf=softfail smtp.mailfrom=relais.example.org, dkim=none");
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org; spf=none; dkim=fail header.d=relais.example.org"))).isPresent();
    }

    @Test
    void oneMethodPassingIsEnoughWithoutDmarcVerdict() {
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org; spf=fail smtp.mailfrom=list.example; dkim=fail header.d=list.example;"
                        + " dkim=pass header.d=relais.example.org"))).isEmpty();
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org; spf=pass smtp.mailfrom=relais.example.org; dkim=fail"))).isEmpty();
    }

    @Test
    void noVerdictIsNotAFailure() {
        assertThat(authentication.failure(List.of("mail.relais.example.org; none"))).isEmpty();
        assertThat(authentication.failure(List.of("mail.relais.example.org; spf=none; dkim=none; dmarc=none")))
                .isEmpty();
        assertThat(authentication.failure(List.of(
                "mail.relais.example.org; spf=temperror (DNS timeout); dkim=temperror"))).isEmpty();
        assertThat(authentication.failure(List.of())).isEmpty();
    }

    @Test
    void withoutATrustedServerNothingIsJudged() {
        assertThat(new SenderAuthentication("").failure(List.of(
                "mail.relais.example.org; dmarc=fail header.from=relais.example.org"))).isEmpty();
    }

    @Test
    void spacesCommentsAndCaseAllowedByTheGrammarAreRead() {
        AuthenticationResults results = AuthenticationResults.parse(
                "  MAIL.Relais.Example.Org (our MX)  ;  DKIM / 1 (version) = Pass (good)"
                        + " header.d = \"relais.example.org\" ; spf=FAIL smtp.mailfrom=\"a;b\"@x.example");

        assertThat(results.isFrom(TRUSTED)).isTrue();
        assertThat(results.of("dkim")).singleElement().satisfies(dkim -> {
            assertThat(dkim.result()).isEqualTo("pass");
            assertThat(dkim.properties()).containsEntry("header.d", "relais.example.org");
        });
        assertThat(results.of("spf")).singleElement().satisfies(spf -> assertThat(spf.result()).isEqualTo("fail"));
    }

    @Test
    void brokenHeadersYieldNoVerdictInsteadOfAnError() {
        for (String broken : List.of("", ";;;", "mail.relais.example.org; =fail", "mail.relais.example.org; dmarc=",
                "mail.relais.example.org; dmarc=fail (unclosed comment", "mail.relais.example.org; \"unclosed")) {
            assertThat(AuthenticationResults.parse(broken).results()).as(broken)
                    .noneMatch(result -> result.result().equals("pass"));
        }
        assertThat(authentication.failure(List.of("mail.relais.example.org; =fail; dmarc="))).isEmpty();
    }

    @Test
    void theTopmostHeaderOfTheMailIsTheFirstJavaMailReturns() throws Exception {
        String raw = """
                Authentication-Results: mail.relais.example.org;\r
                \tdmarc=fail (p=none dis=none) header.from=relais.example.org\r
                Received: from outside.example (outside.example [203.0.113.9]) by mail.relais.example.org\r
                Authentication-Results: mail.relais.example.org; dmarc=pass header.from=relais.example.org\r
                From: suivi-fr@relais.example.org\r
                Subject: [REL-2026-0001] J'approuve\r
                \r
                J'approuve.\r
                """;
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(authentication.failure(message))
                .hasValue("mail.relais.example.org: dmarc=fail header.from=relais.example.org");
    }
}
