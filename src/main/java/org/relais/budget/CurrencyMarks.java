package org.relais.budget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the currency marks ("lei", "лв.", "€", "BGN" …) in a text and removes them before a number is parsed. A mark
 * names one currency, or several when countries share it ("lei": RON or MDL).
 */
final class CurrencyMarks {

    private record Mark(List<String> currencies, Pattern pattern) {
    }

    private final List<Mark> longestFirst;

    /** @param marks each mark and the currencies it may name, the likeliest first */
    CurrencyMarks(Map<String, List<String>> marks) {
        List<Map.Entry<String, List<String>>> all = new ArrayList<>(marks.entrySet());
        all.sort(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getKey().length()).reversed());
        // a digit may touch a mark ("100лв", "€100") but a letter may not ("lei" is no mark inside "leilor")
        this.longestFirst = all.stream()
                .map(e -> new Mark(List.copyOf(e.getValue()), Pattern.compile(
                        "(?<!\\p{L})" + Pattern.quote(e.getKey()) + "(?!\\p{L})",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .toList();
    }

    /**
     * What each mark of the text names, in the order found; a longer mark hides the shorter ones it contains
     * ("lei moldovenești" is one mark, not "lei" too).
     */
    List<List<String>> marksIn(String text) {
        List<List<String>> found = new ArrayList<>();
        String rest = text;
        for (Mark mark : longestFirst) {
            Matcher matcher = mark.pattern().matcher(rest);
            if (matcher.find()) {
                found.add(mark.currencies());
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
