package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relais.support.InternalCodes;

/**
 * What the templates and the short texts say in their own words holds no internal code: every mail template of
 * config/templates (what remains once Thymeleaf's expressions and the HTML tags are taken out) and every text of
 * the bundles that fill them (config/i18n, config/budget). What the expressions insert is checked where mails are
 * written: NotificationWordsTest and the end-to-end tests.
 */
class NoInternalCodeInTextsTest {

    private static final InternalCodes CODES = InternalCodes.ofConfiguration();
    /** Thymeleaf's inlined expressions and blocks, then HTML tags (their attributes hold th:… expressions). */
    private static final Pattern EXPRESSIONS = Pattern.compile("\\[\\(\\$\\{.*?}\\)]|\\[#.*?]|\\[/]|<[^>]*>");

    @Test
    void noMailTemplateWritesAnInternalCodeInItsOwnWords() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path template : files(Path.of("config/templates/mail"), ".txt", ".html")) {
            String words = EXPRESSIONS.matcher(Files.readString(template)).replaceAll(" ");
            CODES.in(words).forEach(code -> leaks.add(template.getFileName() + ": " + code));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noShortTextOfTheBundlesHoldsAnInternalCode() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (Path folder : List.of(Path.of("config/i18n"), Path.of("config/budget"))) {
            for (Path bundle : files(folder, ".properties")) {
                Properties texts = load(bundle);
                texts.stringPropertyNames().forEach(key -> CODES.in(texts.getProperty(key))
                        .forEach(code -> leaks.add(bundle.getFileName() + " " + key + ": " + code)));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theCheckRecognisesEachKindOfCode() {
        assertThat(CODES.in("Tip: budget_forecast, séminaire S4-VARNA, EXPENSES_CASH, languageUncertain : true"))
                .containsExactlyInAnyOrder("budget_forecast", "S4-VARNA", "EXPENSES_CASH", "languageUncertain",
                        "true");
        assertThat(CODES.in("Événement : document-received (intake-ack), audience follow-up-group"))
                .containsExactlyInAnyOrder("document-received", "intake-ack", "follow-up-group");
        assertThat(CODES.in("Compte-rendu financier, séminaire n° 4 (Varna) — écrivez à hub+r.t1.9_x@relais.test"))
                .isEmpty();
    }

    private static List<Path> files(Path folder, String... endings) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> Stream.of(endings).anyMatch(file.toString()::endsWith)).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
