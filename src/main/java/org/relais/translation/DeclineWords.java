package org.relais.translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.spreadsheet.YamlFiles;
import org.springframework.stereotype.Component;

/** The words by which a translator declines a job, per language ({@code config/translation/decline-words.yaml}). */
@Component
class DeclineWords {

    private final Map<String, List<String>> byLanguage;

    DeclineWords(HubProperties hub) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        YamlFiles.load(hub.configDir().resolve("translation/decline-words.yaml")).forEach((language, list) ->
                words.put(language, YamlFiles.strings(list, "the decline words of " + language)));
        this.byLanguage = words;
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
