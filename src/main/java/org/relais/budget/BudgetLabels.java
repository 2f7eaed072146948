package org.relais.budget;

import org.relais.spreadsheet.YamlFiles;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels of {@code labels.yaml}: synonyms of each line and column header per language, and the template's texts.
 */
public final class BudgetLabels {

    /** The words of the two header rows: a side over a kind. */
    enum HeaderWord { EXPENSES, RECEIPTS, CASH, IN_KIND }

    /** Texts that only the template writes. */
    enum TemplateText { SHEET, TITLE, LINE_HEADER, AMOUNTS_IN }

    private final Map<BudgetLine, Map<String, List<String>>> lines;
    private final Map<HeaderWord, Map<String, List<String>>> headers;
    private final Map<TemplateText, Map<String, List<String>>> template;
    private final LabelMatcher<BudgetLine> lineMatcher;
    private final LabelMatcher<HeaderWord> headerMatcher;

    BudgetLabels(Map<BudgetLine, Map<String, List<String>>> lines,
                 Map<HeaderWord, Map<String, List<String>>> headers,
                 Map<TemplateText, Map<String, List<String>>> template) {
        this.lines = lines;
        this.headers = headers;
        this.template = template;
        this.lineMatcher = new LabelMatcher<>(lines);
        this.headerMatcher = new LabelMatcher<>(headers);
        for (BudgetLine line : BudgetLine.MODEL) {
            if (!lines.containsKey(line)) {
                throw new IllegalStateException("labels.yaml has no synonyms for line " + line);
            }
        }
    }

    public static BudgetLabels load(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        return new BudgetLabels(
                section(yaml, "lines", BudgetLine.class),
                section(yaml, "headers", HeaderWord.class),
                section(yaml, "template", TemplateText.class));
    }

    private static <K extends Enum<K>> Map<K, Map<String, List<String>>> section(
            Map<String, Object> yaml, String name, Class<K> keys) {
        Map<K, Map<String, List<String>>> result = new EnumMap<>(keys);
        YamlFiles.map(yaml, name).forEach((key, value) -> {
            Map<String, List<String>> byLanguage = new LinkedHashMap<>();
            YamlFiles.asMap(value, name + "." + key).forEach((language, synonyms) ->
                    byLanguage.put(language, YamlFiles.strings(synonyms, name + "." + key + "." + language)));
            result.put(Enum.valueOf(keys, key), byLanguage);
        });
        return result;
    }

    /** Every language some line has labels in. */
    public Set<String> languages() {
        Set<String> languages = new LinkedHashSet<>();
        lines.values().forEach(byLanguage -> languages.addAll(byLanguage.keySet()));
        return languages;
    }

    /** The label the template writes for a line. */
    public String label(BudgetLine line, String language) {
        return first(lines.get(line), language, line.name());
    }

    String header(HeaderWord word, String language) {
        return first(headers.get(word), language, word.name());
    }

    String text(TemplateText text, String language) {
        return first(template.get(text), language, text.name());
    }

    LabelMatcher<BudgetLine> lineMatcher() {
        return lineMatcher;
    }

    LabelMatcher<HeaderWord> headerMatcher() {
        return headerMatcher;
    }

    private static String first(Map<String, List<String>> byLanguage, String language, String what) {
        List<String> synonyms = byLanguage == null ? null : byLanguage.get(language);
        if (synonyms == null || synonyms.isEmpty()) {
            throw new IllegalArgumentException("no label for " + what + " in language '" + language + "'");
        }
        return synonyms.get(0);
    }
}
