package org.relais.console;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the coordinators' console ({@code relais.console.*}).
 *
 * @param users           {@code name:role:password-hash}, role {@code coordinator} (acts) or {@code observer} (reads)
 * @param requireOwnUsers set by the prod profile: refuse to start without users or with the development password
 * @param languages       the console's languages, the first of {@code defaultLanguage} when the browser asks none
 * @param refreshSeconds  how often route and queue figures refresh in an open page
 * @param contactFlags    the markers a coordinator may set on a contact
 */
@ConfigurationProperties("relais.console")
public record ConsoleProperties(
        @DefaultValue List<String> users,
        @DefaultValue("false") boolean requireOwnUsers,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("fr") String defaultLanguage,
        @DefaultValue({"fr", "ro", "bg", "en"}) List<String> languages,
        @DefaultValue("5") int refreshSeconds,
        @DefaultValue({"inactive", "bounces", "needs-review"}) List<String> contactFlags,
        @DefaultValue Alarms alarms) {

    /**
     * @param checkInterval       how often the alarms are checked
     * @param mailboxSilence      no successful poll of the hub mailbox for this long raises an alarm
     * @param deadLetterThreshold the dead-letter queue growing to at least this many messages raises an alarm
     */
    public record Alarms(
            @DefaultValue("30s") Duration checkInterval,
            @DefaultValue("10m") Duration mailboxSilence,
            @DefaultValue("1") int deadLetterThreshold) {
    }
}
