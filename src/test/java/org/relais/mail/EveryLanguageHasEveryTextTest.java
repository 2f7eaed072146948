package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every text a person reads exists in each language the hub writes in: a mail template or a bundle of short texts
 * added in French without its Romanian, Bulgarian or Russian version fails here, not in a partner's mailbox.
 */
class EveryLanguageHasEveryTextTest {

    private static final Path TEMPLATES = Path.of("config/templates/mail");
    private static final Path BUNDLES = Path.of("config/i18n");

    @ParameterizedTest
    @ValueSource(strings = {"ro", "bg", "ru"})
    void everyFrenchMailTemplateHasItsVersion(String language) throws IOException {
        for (Path french : files(TEMPLATES, "_fr.")) {
            Path version = french.resolveSibling(french.getFileName().toString().replace("_fr.", "_" + language + "."));
            assertThat(version).as("the %s version of %s", language, french).isRegularFile();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ro", "bg", "ru"})
    void everyFrenchBundleHasItsVersionWithTheSameKeys(String language) throws IOException {
        for (Path french : files(BUNDLES, "_fr.properties")) {
            Path version = french.resolveSibling(french.getFileName().toString().replace("_fr.", "_" + language + "."));
            assertThat(version).as("the %s version of %s", language, french).isRegularFile();
            assertThat(load(version).keySet()).as(version.toString()).isEqualTo(load(french).keySet());
        }
    }

    private static List<Path> files(Path folder, String marker) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().contains(marker)).sorted().toList();
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
