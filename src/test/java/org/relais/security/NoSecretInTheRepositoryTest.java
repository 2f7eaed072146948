package org.relais.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Nothing in the repository opens a door: no key, no token, no password, except development defaults that are
 * listed below with the reason they open nothing. Production takes every secret from the environment, with no
 * default to fall back on.
 */
class NoSecretInTheRepositoryTest {

    /** Settings whose name says secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api-?key|credential|private-?key|console\\.users).*");
    /** A value taken from elsewhere: ${VAR}, ${VAR:} (nothing), ${VAR:?message} (compose: required), {{camel}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[A-Za-z0-9_.-]+(:|:\\?[^}]*)?}|\\{\\{[^}]+}}");
    private static final Map<String, Pattern> LEAKS = Map.of(
            "a private key", Pattern.compile("-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY"),
            "an AWS access key", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
            "an AWS secret key", Pattern.compile("(?i)aws_?secret_?access_?key\\s*[=:]\\s*\\S{20,}"),
            "a GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36}\\b"),
            "a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            "credentials in a URL", Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s/:@'\"]+:[^\\s/@'\"{$]+@[\\w.-]+"));
    private static final Pattern KEY_FILE = Pattern.compile(
            "(^|/)(\\.env|id_rsa|id_ed25519|.*\\.(pem|key|p12|pfx|jks|keystore|kdbx))$");

    /** Texts a person reads ("Password" as a label), not settings. */
    private static final Pattern WORDING = Pattern.compile("^config/i18n/|(^|/)messages(_\\w+)?\\.properties$");

    /** Development and test values anyone may read, each with why it opens nothing. Never for production. */
    private static final Map<String, String> NOT_SECRET = Map.ofEntries(
            entry("config/application.yml relais.mail.imap.password",
                    "the development run's embedded GreenMail takes any password"),
            entry("config/application.yml relais.distribution.link-secret",
                    "development-only; the prod profile reads RELAIS_LINK_SECRET"),
            entry("config/application.yml relais.mail.reply-signing.secret-keys",
                    "development-only; the prod profile reads RELAIS_REPLY_SIGNING_KEYS"),
            entry("config/application.yml relais.console.users",
                    "development users; the prod profile refuses to start with them (ConsoleUsers.checkForProduction)"),
            entry("src/test/resources/relais-test.properties relais.translation.machine.api-key",
                    "the tests' own LibreTranslate stand-in checks it"),
            entry(".env.example RELAIS_DB_PASSWORD",
                    "placeholder to replace"),
            entry(".env.example RELAIS_ARTEMIS_PASSWORD",
                    "placeholder to replace"),
            entry(".env.example RELAIS_IMAP_PASSWORD",
                    "placeholder to replace"),
            entry(".env.example RELAIS_SMTP_PASSWORD",
                    "placeholder to replace"),
            entry(".env.example RELAIS_LINK_SECRET",
                    "placeholder to replace"),
            entry(".env.example RELAIS_REPLY_SIGNING_KEYS",
                    "placeholder to replace"),
            entry("src/test/resources/relais-test.properties relais.mail.imap.password",
                    "a value the log test watches for; the tests' GreenMail takes any password"),
            entry("src/test/resources/relais-test.properties relais.mail.smtp.password",
                    "a value the log test watches for; never sent (no user name)"),
            entry("src/test/resources/relais-test.properties relais.distribution.link-secret",
                    "a value the log test watches for; signs links of the throw-away test database only"),
            entry("src/test/resources/relais-test.properties relais.distribution.previous-link-secrets",
                    "a value the log test watches for; checks links of the throw-away test database only"),
            entry("src/test/resources/relais-test.properties relais.mail.reply-signing.secret-keys",
                    "a value the log test watches for; signs the test hub's reply and bounce addresses only"));

    private static List<String> tracked;

    @BeforeAll
    static void listTrackedFiles() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "-z").redirectErrorStream(false).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(git.waitFor() == 0, "not a git checkout");
        tracked = List.of(out.split("\0")).stream().filter(name -> !name.isEmpty()).toList();
    }

    @Test
    void noTrackedFileHoldsAKeyOrTokenOrCredentialsInAUrl() throws IOException {
        List<String> found = new ArrayList<>();
        for (String name : tracked) {
            if (KEY_FILE.matcher(name).find()) {
                found.add(name + ": a key or environment file");
            }
            Path file = Path.of(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (Map.Entry<String, Pattern> leak : LEAKS.entrySet()) {
                    if (leak.getValue().matcher(lines[i]).find()) {
                        found.add(name + ":" + (i + 1) + ": " + leak.getKey());
                    }
                }
            }
        }
        assertThat(tracked).as("git ls-files").hasSizeGreaterThan(100);
        assertThat(found).isEmpty();
    }

    @Test
    void everySecretSettingIsTakenFromElsewhereOrAListedDevelopmentDefault() throws IOException {
        List<String> literal = new ArrayList<>();
        for (String name : tracked) {
            if (WORDING.matcher(name).find()) {
                continue;
            }
            for (Map.Entry<String, String> setting : settings(name).entrySet()) {
                String place = name + " " + setting.getKey();
                if (SECRET_NAME.matcher(setting.getKey()).matches() && !fromElsewhere(setting.getValue())
                        && !NOT_SECRET.containsKey(place)) {
                    literal.add(place + " = " + setting.getValue());
                }
            }
        }
        assertThat(literal).as("secrets written into the repository").isEmpty();
    }

    @Test
    void productionTakesEverySecretFromTheEnvironmentWithoutDefault() throws IOException {
        Map<String, String> production = settings("config/application-prod.yml");
        Map<String, String> secrets = new LinkedHashMap<>();
        production.forEach((key, value) -> {
            if (SECRET_NAME.matcher(key).matches()) {
                secrets.put(key, value);
            }
        });

        assertThat(secrets).as("the production secrets").containsKeys("spring.datasource.password",
                "spring.artemis.password", "relais.mail.imap.password", "relais.mail.smtp.password",
                "relais.distribution.link-secret", "relais.mail.reply-signing.secret-keys", "relais.console.users");
        // ${VAR} alone: a missing variable stops the start (ProductionSecretsCheck) instead of falling back;
        // ${VAR:} only where running without the value is valid (a LibreTranslate server without keys, no link key
        // rotated yet)
        secrets.forEach((key, value) -> assertThat(value).as(key).matches("\\$\\{[A-Z0-9_]+(:)?}"));
        assertThat(secrets.entrySet().stream().filter(entry -> entry.getValue().endsWith(":}")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("relais.translation.machine.api-key",
                        "relais.distribution.previous-link-secrets");
        assertThat(NOT_SECRET.keySet()).noneMatch(place -> place.startsWith("config/application-prod.yml"));
    }

    /** Each setting of a YAML, properties or .env file as dotted name and text; nothing for other files. */
    private static Map<String, String> settings(String name) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            return settings;
        }
        // read leniently: a properties file may be in ISO-8859-1, and only the settings' names and values matter
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                flatten("", document, settings);
            }
        } else if (name.endsWith(".properties") || name.endsWith(".env.example")) {
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            properties.forEach((key, value) -> settings.put(key.toString(), value.toString()));
        }
        return settings;
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    private static boolean fromElsewhere(String value) {
        return value.isBlank() || REFERENCE.matcher(value.trim()).matches();
    }

    private static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
