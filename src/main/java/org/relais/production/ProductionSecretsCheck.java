package org.relais.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a production start at once, naming every secret that is missing, instead of failing later on the first
 * placeholder Spring happens to resolve (or, worse, starting with a development default), and naming a link secret
 * that anyone could guess (LinkSecretStrength).
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor, Ordered {

    private static final String LINK_SECRET = "relais.distribution.link-secret";
    private static final String PREVIOUS_LINK_SECRETS = "relais.distribution.previous-link-secrets";

    /** Each setting production needs, with the environment variable that provides it. */
    static final Map<String, String> REQUIRED = Map.ofEntries(
            Map.entry("spring.datasource.password", "RELAIS_DB_PASSWORD"),
            Map.entry("spring.artemis.user", "RELAIS_ARTEMIS_USER"),
            Map.entry("spring.artemis.password", "RELAIS_ARTEMIS_PASSWORD"),
            Map.entry("relais.mail.imap.host", "RELAIS_IMAP_HOST"),
            Map.entry("relais.mail.imap.username", "RELAIS_IMAP_USER"),
            Map.entry("relais.mail.imap.password", "RELAIS_IMAP_PASSWORD"),
            Map.entry("relais.mail.smtp.host", "RELAIS_SMTP_HOST"),
            Map.entry("relais.mail.smtp.username", "RELAIS_SMTP_USER"),
            Map.entry("relais.mail.smtp.password", "RELAIS_SMTP_PASSWORD"),
            Map.entry("relais.mail.reply-signing.secret-keys", "RELAIS_REPLY_SIGNING_KEYS"),
            Map.entry("relais.distribution.public-url", "RELAIS_PUBLIC_URL"),
            Map.entry(LINK_SECRET, "RELAIS_LINK_SECRET"),
            Map.entry("relais.console.users", "RELAIS_CONSOLE_USERS"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!List.of(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> missing = REQUIRED.entrySet().stream()
                .filter(setting -> isBlank(environment, setting.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Relais cannot start in production: set the environment variable(s) "
                    + String.join(", ", missing) + " (see README, Configure; .env.example lists them all)");
        }
        List<String> weak = new ArrayList<>();
        LinkSecretStrength.weakness(environment.getProperty(LINK_SECRET))
                .ifPresent(weakness -> weak.add("RELAIS_LINK_SECRET: " + weakness));
        String previous = environment.getProperty(PREVIOUS_LINK_SECRETS, "");
        for (String entry : previous.split(",")) {
            if (!entry.isBlank()) {
                LinkSecretStrength.weakness(entry.substring(entry.indexOf(':') + 1)).ifPresent(weakness -> weak.add(
                        "RELAIS_PREVIOUS_LINK_SECRETS, key " + entry.strip().split(":")[0] + ": " + weakness));
            }
        }
        if (!weak.isEmpty()) {
            throw new IllegalStateException("Relais cannot start in production: the key signing unsubscribe and"
                    + " document links must be at least " + LinkSecretStrength.MIN_BYTES + " random bytes in Base64"
                    + " or hexadecimal (make one with: openssl rand -base64 32); " + String.join("; ", weak));
        }
    }

    private static boolean isBlank(ConfigurableEnvironment environment, String key) {
        try {
            String value = environment.getProperty(key);
            return value == null || value.isBlank();
        } catch (IllegalArgumentException unresolvable) {
            return true;
        }
    }

    /** After the configuration files and profiles are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
