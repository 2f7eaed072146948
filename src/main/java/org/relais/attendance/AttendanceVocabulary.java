package org.relais.attendance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.spreadsheet.TextNormalizer;
import org.relais.spreadsheet.YamlFiles;

/**
 * The words of {@code config/attendance/columns.yaml}: which heading names which column, and which words put a
 * participant in which category. Matched at the start of a word, without case or diacritics; the word found first in
 * the text decides, the longest of those starting there.
 */
public final class AttendanceVocabulary {

    private final Map<String, List<String>> columns;
    private final Map<String, List<String>> categories;

    private AttendanceVocabulary(Map<String, List<String>> columns, Map<String, List<String>> categories) {
        this.columns = columns;
        this.categories = categories;
    }

    public static AttendanceVocabulary load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        return new AttendanceVocabulary(normalized(YamlFiles.map(yaml, "columns")),
                normalized(YamlFiles.map(yaml, "categories")));
    }

    Optional<String> column(String heading) {
        return longestMatch(columns, heading);
    }

    Optional<String> category(String text) {
        return longestMatch(categories, text);
    }

    List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    /** The key of the word found first in the text, the longest of those found there ("nume ?i prenume": name). */
    private static Optional<String> longestMatch(Map<String, List<String>> words, String text) {
        String normalized = " " + TextNormalizer.normalize(text == null ? "" : text) + " ";
        String best = null;
        int bestAt = Integer.MAX_VALUE;
        int bestLength = 0;
        for (Map.Entry<String, List<String>> entry : words.entrySet()) {
            for (String word : entry.getValue()) {
                int at = normalized.indexOf(" " + word);
                if (at >= 0 && (at < bestAt || at == bestAt && word.length() > bestLength)) {
                    best = entry.getKey();
                    bestAt = at;
                    bestLength = word.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, List<String>> normalized(Map<String, Object> words) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        words.forEach((key, list) -> result.put(key,
                YamlFiles.strings(list, key).stream().map(TextNormalizer::normalize).toList()));
        return result;
    }
}
