package org.relais.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the coordinators' console ({@code relais.console.*}, config/application.yml).
 *
 * @param users           {@code name:role:password-hash}, role {@code coordinator} (acts) or {@code observer} (reads)
 * @param requireOwnUsers set by the prod profile: refuse to start without users or with the development password
 * @param languages       the console's languages, the first of {@code defaultLanguage} when the browser asks none
 * @param refreshSeconds  how often route and queue figures refresh in an open page
 * @param contactFlags    the markers a coordinator may set on a contact
 */
@ConfigurationProperties("relais.console")
@Validated
public record ConsoleProperties(
        @NotNull List<String> users,
        boolean requireOwnUsers,
        @NotNull Duration sessionTimeout,
        @NotBlank String defaultLanguage,
        @NotEmpty List<String> languages,
        @Positive int refreshSeconds,
        @NotNull List<String> contactFlags,
        @NotNull @Valid Alarms alarms,
        @NotNull @Valid LoginThrottle loginThrottle) {

    /**
     * @param checkInterval       how often the alarms are checked
     * @param mailboxSilence      no successful poll of the hub mailbox for this long raises an alarm
     * @param deadLetterThreshold the dead-letter queue growing to at least this many messages raises an alarm
     */
    public record Alarms(
            @NotNull Duration checkInterval,
            @NotNull Duration mailboxSilence,
            @Positive int deadLetterThreshold) {
    }

    /**
     * How the console slows down password guessing. After {@code failuresPerUser} failed logins in a row for one user
     * name, or {@code failuresPerAddress} from one client address, further attempts are refused (HTTP 429) for
     * {@code firstDelay}, twice as long after each further failure, at most {@code maxDelay}. Failures older than
     * {@code forgetAfter} are forgotten; a successful login clears its user name's.
     */
    public record LoginThrottle(
            @Positive int failuresPerUser,
            @Positive int failuresPerAddress,
            @NotNull Duration firstDelay,
            @NotNull Duration maxDelay,
            @NotNull Duration forgetAfter) {
    }
}
