package org.relais.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's mail server and how the hub uses it ({@code relais.mail.*}, config/application.yml; the prod profile reads
 * the hosts and secrets from the environment).
 *
 * @param trustedAuthservId the authserv-id the partnership's mail server writes in its Authentication-Results header
 *                          (its host name, usually); empty: no sender is checked
 * @param imap              the hub mailbox
 * @param smtp              the relay every mail is sent through
 * @param replySigning      the keys that sign the hub's reply and bounce addresses
 * @param retry             after a temporary SMTP refusal (4xx, or no answer), when a mail is tried again
 * @param sweepAfter        a stored mail unsent this long, and held by no sender, gets a new ticket (routes/mail-send.yaml)
 * @param sweepPeriodMs     how often the leader looks for such mail
 * @param sweepMaxAttempts  past this many attempts a mail is left to the coordinators
 */
@ConfigurationProperties("relais.mail")
@Validated
public record MailProperties(
        @NotNull String trustedAuthservId,
        @NotNull @Valid Imap imap,
        @NotNull @Valid Smtp smtp,
        @NotNull @Valid ReplySigning replySigning,
        @NotNull @Valid Retry retry,
        @NotNull Duration sweepAfter,
        @Positive long sweepPeriodMs,
        @Positive int sweepMaxAttempts) {

    /** @param fetchSize a mail is read in blocks of this many bytes */
    public record Imap(@NotBlank String protocol, @NotBlank String host, @Positive int port, @NotBlank String username,
                       String password, @NotBlank String folder, @Positive int fetchSize) {
    }

    /** User name and password are optional: a relay on the local network may take mail without. */
    public record Smtp(@NotBlank String host, @Positive int port, String username, String password) {
    }

    /**
     * @param secretKeys {@code id:secret} pairs, comma-separated; the first signs, every one verifies, so that a new
     *                   key can come first while mail signed with the previous one may still be answered (prod:
     *                   RELAIS_REPLY_SIGNING_KEYS)
     */
    public record ReplySigning(@NotBlank String secretKeys) {
    }

    /** The next attempt comes after firstDelay, then multiplier times longer each time, at most maxDelay. */
    public record Retry(@NotNull Duration firstDelay, @Min(1) double multiplier, @NotNull Duration maxDelay,
                        @Positive int maxAttempts) {

        /** Delay before attempt n+1 after n refusals: firstDelay × multiplier^(n-1), at most maxDelay. */
        Duration delayAfter(int attempts) {
            double millis = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempts - 1));
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }
}
