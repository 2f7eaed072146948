package org.relais.translation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The words by which a translator declines a job, per language ({@code config/translation/decline-words.yaml}). */
@Component
class DeclineWords {

    private final Map<String, List<String>> byLanguage;

    DeclineWords(HubProperties hub) {
        Path file = hub.configDir().resolve("translation/decline-words.yaml");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            this.byLanguage = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Every language's words: a translator may decline in any of them. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        byLanguage.values().forEach(all::addAll);
        return all;
    }

    List<String> of(String language) {
        return byLanguage.getOrDefault(language, List.of());
    }
}
