package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.relais.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server vouches for the sender. Anyone can write a From header, and anyone can write an
 * Authentication-Results header too: only the topmost one carrying the authserv-id of the partnership's own server
 * ({@code relais.mail.trusted-authserv-id}) counts, because each server adds its own above what it received (RFC 8601
 * §5). The sender is unauthenticated when DMARC fails, or when neither SPF nor DKIM passes and one of them fails.
 * A mail without that header, or without any of these verdicts, is not judged: it goes on as before.
 */
@Component
class SenderAuthentication {

    private static final Logger log = LoggerFactory.getLogger(SenderAuthentication.class);

    private static final String HEADER = "Authentication-Results";
    private static final Set<String> SPF_FAILURES = Set.of("fail", "softfail");
    private static final Set<String> DKIM_FAILURES = Set.of("fail");
    /** The properties that say which domain a verdict is about; the rest (signatures, key sizes) says nothing. */
    private static final List<String> NAMING_PROPERTIES = List.of("header.from", "smtp.mailfrom", "header.d",
            "header.i");

    private final String trustedAuthservId;

    @Autowired
    SenderAuthentication(MailProperties properties) {
        this(properties.trustedAuthservId());
        if (trustedAuthservId.isEmpty()) {
            log.warn("Senders are not authenticated: relais.mail.trusted-authserv-id is not set (docs/security.md)");
        } else {
            log.info("Senders are authenticated by the Authentication-Results of {}", trustedAuthservId);
        }
    }

    SenderAuthentication(String trustedAuthservId) {
        this.trustedAuthservId = trustedAuthservId == null ? "" : trustedAuthservId.strip();
    }

    /** Why the sender is not authenticated (the trusted server's verdicts), or empty when it is or was not judged. */
    Optional<String> failure(MimeMessage message) throws MessagingException {
        String[] headers = message.getHeader(HEADER);
        return failure(headers == null ? List.of() : List.of(headers));
    }

    /** The same for the Authentication-Results headers' values, topmost first. */
    Optional<String> failure(List<String> headers) {
        if (trustedAuthservId.isEmpty()) {
            return Optional.empty();
        }
        return headers.stream().map(AuthenticationResults::parse)
                .filter(results -> results.isFrom(trustedAuthservId))
                .findFirst()
                .flatMap(SenderAuthentication::failure);
    }

    private static Optional<String> failure(AuthenticationResults trusted) {
        List<AuthenticationResults.Result> dmarc = trusted.of("dmarc");
        List<AuthenticationResults.Result> spf = trusted.of("spf");
        List<AuthenticationResults.Result> dkim = trusted.of("dkim");
        if (dmarc.stream().anyMatch(result -> result.result().equals("fail"))) {
            return Optional.of(summary(trusted, dmarc));
        }
        boolean passed = Stream.concat(spf.stream(), dkim.stream()).anyMatch(result -> result.result().equals("pass"));
        boolean failed = spf.stream().anyMatch(result -> SPF_FAILURES.contains(result.result()))
                || dkim.stream().anyMatch(result -> DKIM_FAILURES.contains(result.result()));
        if (!passed && failed && dmarc.stream().noneMatch(result -> result.result().equals("pass"))) {
            return Optional.of(summary(trusted, Stream.concat(spf.stream(), dkim.stream()).toList()));
        }
        return Optional.empty();
    }

    /** e.g. "mail.relais.test: dmarc=fail header.from=relais.test". */
    private static String summary(AuthenticationResults trusted, List<AuthenticationResults.Result> verdicts) {
        return trusted.authservId() + ": " + verdicts.stream()
                .map(result -> Stream.concat(Stream.of(result.method() + "=" + result.result()),
                                NAMING_PROPERTIES.stream().filter(result.properties()::containsKey)
                                        .map(name -> name + "=" + result.properties().get(name)))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining(", "));
    }
}
