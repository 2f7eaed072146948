package org.relais.dossier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relais.spreadsheet.TextNormalizer;

/**
 * The partnership's four countries as participants write them on attendance sheets ("Franța", "Moldova",
 * "България", "RO"): the names come from the JDK's country names in the languages of the partnership.
 */
final class Nationalities {

    /** France, Romania, Bulgaria, Moldova: the report wants the four at every seminar. */
    static final List<String> PARTNERSHIP = List.of("FR", "RO", "BG", "MD");
    private static final List<String> LANGUAGES = List.of("fr", "ro", "bg", "ru", "en");
    private static final Map<String, List<String>> NAMES = names();

    private Nationalities() {
    }

    /** The country code a typed country stands for, if it is one of the four. */
    static Optional<String> of(String typed) {
        String text = TextNormalizer.normalize(typed == null ? "" : typed);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<String>> country : NAMES.entrySet()) {
            if (text.equals(country.getKey().toLowerCase(Locale.ROOT))) {
                return Optional.of(country.getKey());
            }
            for (String name : country.getValue()) {
                // "Republica Moldova" holds "Moldova", and "Moldova" is part of it
                if (text.contains(name) || (text.length() >= 4 && name.contains(text))) {
                    return Optional.of(country.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** A country's name for a reader. */
    static String name(String code, String language) {
        return new Locale("", code).getDisplayCountry(Locale.forLanguageTag(language));
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String code : PARTNERSHIP) {
            names.put(code, LANGUAGES.stream().map(language -> TextNormalizer.normalize(name(code, language)))
                    .distinct().toList());
        }
        return names;
    }
}
