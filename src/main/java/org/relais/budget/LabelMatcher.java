package org.relais.budget;

import org.relais.spreadsheet.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
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
 * ("Cazarea participanților") are tolerated; when several match, the longest synonym wins. A text no synonym
 * matches may still name a key by a synonym of {@value #FUZZY_MIN_LENGTH} letters or more with a typo in it
 * ("Hébergment"): one letter wrong, missing, added or swapped, two from {@value #TWO_TYPOS_LENGTH} letters, as long
 * as the typos point to a single key.
 */
final class LabelMatcher<K> {

    record Match<K>(K key, Set<String> languages) {
    }

    private record Synonym<K>(String normalized, K key, Set<String> languages) {
    }

    static final int FUZZY_MIN_LENGTH = 6;
    static final int TWO_TYPOS_LENGTH = 12;

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
        String normalized = TextNormalizer.normalize(text);
        String padded = " " + normalized;
        Map<K, Match<K>> found = new LinkedHashMap<>();
        for (Synonym<K> synonym : longestFirst) {
            if (!found.containsKey(synonym.key()) && padded.contains(" " + synonym.normalized())) {
                found.put(synonym.key(), new Match<>(synonym.key(), synonym.languages()));
            }
        }
        return found.isEmpty() ? withTypos(normalized) : List.copyOf(found.values());
    }

    /** The one key whose synonyms start a word of the text but for a typo or two; none when typos point to several. */
    private List<Match<K>> withTypos(String normalized) {
        if (normalized.chars().noneMatch(Character::isLetter)) {
            return List.of();
        }
        List<Integer> wordStarts = new ArrayList<>();
        for (int i = 0; i < normalized.length(); i++) {
            if (i == 0 || normalized.charAt(i - 1) == ' ') {
                wordStarts.add(i);
            }
        }
        Map<K, Match<K>> found = new LinkedHashMap<>();
        for (Synonym<K> synonym : longestFirst) {
            int length = synonym.normalized().length();
            if (length < FUZZY_MIN_LENGTH || found.containsKey(synonym.key())) {
                continue;
            }
            int allowed = length >= TWO_TYPOS_LENGTH ? 2 : 1;
            for (int start : wordStarts) {
                String rest = normalized.substring(start, Math.min(normalized.length(), start + length + allowed));
                if (startsWithin(synonym.normalized(), rest, allowed)) {
                    found.put(synonym.key(), new Match<>(synonym.key(), synonym.languages()));
                    break;
                }
            }
        }
        return found.size() == 1 ? List.copyOf(found.values()) : List.of();
    }

    /**
     * Whether some beginning of {@code text} is within {@code allowed} edits (a letter changed, missing, added, or
     * two swapped) of {@code word}: the optimal-string-alignment distance, with the text's end left free, computed
     * only near the diagonal and given up as soon as a row exceeds the allowance. Most texts are ruled out by their
     * first letters, which that many edits cannot all have changed.
     */
    private static boolean startsWithin(String word, String text, int allowed) {
        if (text.length() < word.length() - allowed || !firstLettersAgree(word, text, allowed)) {
            return false;
        }
        int unreachable = allowed + 1;
        int[] beforePrevious = new int[text.length() + 1];
        int[] previous = new int[text.length() + 1];
        int[] current = new int[text.length() + 1];
        for (int j = 0; j <= text.length(); j++) {
            previous[j] = Math.min(j, unreachable);
        }
        for (int i = 1; i <= word.length(); i++) {
            Arrays.fill(current, unreachable);
            current[0] = Math.min(i, unreachable);
            int rowBest = current[0];
            for (int j = Math.max(1, i - allowed); j <= Math.min(text.length(), i + allowed); j++) {
                int cost = word.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && word.charAt(i - 1) == text.charAt(j - 2) && word.charAt(i - 2) == text.charAt(j - 1)) {
                    best = Math.min(best, beforePrevious[j - 2] + 1);
                }
                current[j] = Math.min(best, unreachable);
                rowBest = Math.min(rowBest, current[j]);
            }
            if (rowBest > allowed) {
                return false;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        for (int j = Math.max(0, word.length() - allowed); j <= Math.min(text.length(), word.length() + allowed); j++) {
            if (previous[j] <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the first letters of the text is where {@code allowed} edits could have left it. */
    private static boolean firstLettersAgree(String word, String text, int allowed) {
        for (int i = 0; i <= allowed && i < word.length(); i++) {
            for (int j = Math.max(0, i - 1); j <= i + 1 && j < text.length(); j++) {
                if (word.charAt(i) == text.charAt(j)) {
                    return true;
                }
            }
        }
        return false;
    }
}
