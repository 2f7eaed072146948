package org.relais.mail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.HubProperties;
import org.relais.spreadsheet.TextNormalizer;
import org.relais.spreadsheet.YamlFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The words by which a coordinator answers the hub's requests for a decision ({@code config/decisions/reply-words.yaml}):
 * which answers a reply's own text gives, which languages it names, the number written after a word, and the word a
 * mail names for each answer in its reader's language. Whole words, without case or diacritics; addresses and links
 * are left out first, so that "traduction-fr@…" names no language.
 */
@Component
public class ReplyWords {

    private static final Pattern ADDRESSES_AND_LINKS = Pattern.compile("\\S+@\\S+|https?://\\S+");
    /** A number up to three words after an answer's word: "prolonger 14", "prelungiți cu 14 zile". */
    private static final Pattern NUMBER_AFTER = Pattern.compile("^ (?:\\p{L}+ ){0,3}(\\d{1,4}) ");

    /** answer → language → words as written (the first is the one mails name). */
    private final Map<String, Map<String, List<String>>> answers;
    /** language code → its names in every language. */
    private final Map<String, List<String>> languages;

    @Autowired
    ReplyWords(HubProperties hub) {
        this(hub.configDir().resolve("decisions/reply-words.yaml"));
    }

    ReplyWords(Path file) {
        Map<String, Object> yaml = YamlFiles.load(file);
        Map<String, Map<String, List<String>>> byAnswer = new LinkedHashMap<>();
        YamlFiles.map(yaml, "answers").forEach((answer, byLanguage) -> {
            Map<String, List<String>> words = new LinkedHashMap<>();
            YamlFiles.asMap(byLanguage, answer).forEach((language, list) ->
                    words.put(language, YamlFiles.strings(list, answer + "." + language)));
            byAnswer.put(answer, words);
        });
        this.answers = byAnswer;
        Map<String, List<String>> names = new LinkedHashMap<>();
        YamlFiles.map(yaml, "languages").forEach((code, list) ->
                names.put(code, YamlFiles.strings(list, "languages." + code)));
        this.languages = names;
    }

    /** The word a mail names for {@code answer}, in the reader's language (French when it has none). */
    public String named(String answer, String language) {
        Map<String, List<String>> words = words(answer);
        return words.getOrDefault(language, words.get("fr")).get(0);
    }

    /** The answers among {@code candidates} that the text gives, each once, in the order it gives them. */
    public List<String> answersIn(String text, Collection<String> candidates) {
        String prepared = prepared(text);
        Map<String, Integer> found = new LinkedHashMap<>();
        for (String answer : candidates) {
            List<String> all = new ArrayList<>();
            words(answer).values().forEach(all::addAll);
            firstAt(prepared, all).ifPresent(at -> found.put(answer, at));
        }
        return inOrder(found);
    }

    /** The languages the text names (by their codes), each once, in the order it names them. */
    public List<String> languagesIn(String text) {
        String prepared = prepared(text);
        Map<String, Integer> found = new LinkedHashMap<>();
        languages.forEach((code, names) -> firstAt(prepared, names).ifPresent(at -> found.put(code, at)));
        return inOrder(found);
    }

    /** The number written just after the first word of {@code answer} in the text, if any. */
    public OptionalInt numberAfter(String answer, String text) {
        String prepared = prepared(text);
        for (List<String> words : words(answer).values()) {
            for (String word : words) {
                String padded = " " + TextNormalizer.normalize(word) + " ";
                int at = prepared.indexOf(padded);
                if (at >= 0) {
                    Matcher number = NUMBER_AFTER.matcher(prepared.substring(at + padded.length() - 1));
                    if (number.find()) {
                        return OptionalInt.of(Integer.parseInt(number.group(1)));
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    private Map<String, List<String>> words(String answer) {
        Map<String, List<String>> words = answers.get(answer);
        if (words == null) {
            throw new IllegalArgumentException("No reply words for '" + answer + "' in config/decisions/reply-words.yaml");
        }
        return words;
    }

    private static String prepared(String text) {
        return " " + TextNormalizer.normalize(ADDRESSES_AND_LINKS.matcher(text == null ? "" : text).replaceAll(" "))
                + " ";
    }

    private static Optional<Integer> firstAt(String prepared, List<String> words) {
        return words.stream().map(word -> prepared.indexOf(" " + TextNormalizer.normalize(word) + " "))
                .filter(at -> at >= 0).min(Integer::compare);
    }

    private static List<String> inOrder(Map<String, Integer> found) {
        return found.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }
}
