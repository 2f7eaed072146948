package org.relais.budget;

import org.relais.spreadsheet.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises which key (a budget line, a column header …) a cell's text names, from synonyms in several languages.
 * A synonym matches where it starts a word of the text, so extra words around it and inflected endings
 * ("Cazarea participanților") are tolerated; when several match, the longest synonym wins.
 */
final class LabelMatcher<K> {

    record Match<K>(K key, Set<String> languages) {
    }

    private record Synonym<K>(String normalized, K key, Set<String> languages) {
    }

    private final List<Synonym<K>> longestFirst;

    LabelMatcher(Map<K, Map<String, List<String>>> synonymsByKey) {
        Map<String, Synonym<K>> byText = new LinkedHashMap<>();
        synonymsByKey.forEach((key, byLanguage) -> byLanguage.forEach((language, synonyms) -> {
            for (String synonym : synonyms) {
                String normalized = TextNormalizer.normalize(synonym);
                Synonym<K> known = byText.get(normalized);
                if (known != null && !known.key().equals(key)) {
                    throw new IllegalStateException("synonym '" + synonym + "' names both " + known.key() + " and " + key);
                }
                Set<String> languages = known == null ? new LinkedHashSet<>() : new LinkedHashSet<>(known.languages());
                languages.add(language);
                byText.put(normalized, new Synonym<>(normalized, key, Set.copyOf(languages)));
            }
        }));
        List<Synonym<K>> sorted = new ArrayList<>(byText.values());
        sorted.sort(Comparator.comparingInt((Synonym<K> s) -> s.normalized().length()).reversed());
        this.longestFirst = List.copyOf(sorted);
    }

    /** The key named by the longest synonym found in the text. */
    Optional<Match<K>> match(String text) {
        return matchAll(text).stream().findFirst();
    }

    /** Every key the text names ("Dépenses en numéraire" names a side and a kind), longest synonym first. */
    List<Match<K>> matchAll(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String padded = " " + TextNormalizer.normalize(text);
        Map<K, Match<K>> found = new LinkedHashMap<>();
        for (Synonym<K> synonym : longestFirst) {
            if (!found.containsKey(synonym.key()) && padded.contains(" " + synonym.normalized())) {
                found.put(synonym.key(), new Match<>(synonym.key(), synonym.languages()));
            }
        }
        return List.copyOf(found.values());
    }
}
