package org.relais.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the currency marks ("lei", "лв.", "€", "BGN" …) in a text and removes them before a number is parsed. */
final class CurrencyMarks {

    private record Mark(String currency, Pattern pattern) {
    }

    private final List<Mark> longestFirst;

    CurrencyMarks(Map<String, List<String>> marksByCurrency) {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        marksByCurrency.forEach((currency, marks) -> marks.forEach(mark -> all.add(Map.entry(currency, mark))));
        all.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
        // a digit may touch a mark ("100лв", "€100") but a letter may not ("lei" is no mark inside "leilor")
        this.longestFirst = all.stream()
                .map(e -> new Mark(e.getKey(), Pattern.compile("(?<!\\p{L})" + Pattern.quote(e.getValue()) + "(?!\\p{L})",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .toList();
    }

    /** The currencies whose marks appear in the text; a longer mark hides the shorter ones it contains. */
    Set<String> currenciesIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        String rest = text;
        for (Mark mark : longestFirst) {
            Matcher matcher = mark.pattern().matcher(rest);
            if (matcher.find()) {
                found.add(mark.currency());
                rest = matcher.replaceAll(" ");
            }
        }
        return found;
    }

    String strip(String text) {
        String rest = text;
        for (Mark mark : longestFirst) {
            rest = mark.pattern().matcher(rest).replaceAll(" ");
        }
        return rest;
    }
}
