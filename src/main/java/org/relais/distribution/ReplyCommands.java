package org.relais.distribution;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a command in a reply to list mail: the subject of a fresh mail (the List-Unsubscribe mailto writes
 * "unsubscribe [REL-…]") and the lines written above the quoted text of a reply. An unsubscription word counts
 * anywhere in them; "digest" and "each" must open a line. Quoted text never counts: it repeats the footer that
 * names the commands.
 */
final class ReplyCommands {

    enum Command { UNSUBSCRIBE, DIGEST, EACH, OTHER }

    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|fw|fwd|tr|rv|отг|отговор|ответ)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TAG = Pattern.compile("\\[REL-\\d{4}-\\d+]");
    private static final Pattern QUOTE_START = Pattern.compile(
            "^(>|-{3,}|_{3,}|(le|on|am|în|in|на)\\s.*(écrit|wrote|schrieb|scris|написа).*$"
                    + "|.*\\s(пишет|написал|написала|написал\\(а\\)):\\s*$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ReplyCommands() {
    }

    static Command read(String subject, String body, DistributionConfig.Commands words) {
        List<String> own = new ArrayList<>();
        String cleanSubject = TAG.matcher(subject == null ? "" : subject).replaceAll(" ").strip();
        if (!REPLY_PREFIX.matcher(cleanSubject).find()) {
            own.add(cleanSubject);
        }
        own.addAll(ownLines(body == null ? "" : body));
        List<String> folded = own.stream().map(ReplyCommands::fold).filter(line -> !line.isEmpty()).toList();
        if (folded.stream().anyMatch(line -> containsWord(line, words.unsubscribe()))) {
            return Command.UNSUBSCRIBE;
        }
        if (folded.stream().anyMatch(line -> opensWith(line, words.digest()))) {
            return Command.DIGEST;
        }
        if (folded.stream().anyMatch(line -> opensWith(line, words.each()))) {
            return Command.EACH;
        }
        return Command.OTHER;
    }

    /** The lines the sender wrote: up to ten, above the quoted mail. */
    private static List<String> ownLines(String body) {
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\\R")) {
            String stripped = line.strip();
            if (QUOTE_START.matcher(stripped).find() || lines.size() == 10) {
                break;
            }
            if (!stripped.isEmpty()) {
                lines.add(stripped);
            }
        }
        return lines;
    }

    /** The line opens with one of the words, followed by nothing or a non-letter. */
    private static boolean opensWith(String line, List<String> keywords) {
        return keywords.stream().map(ReplyCommands::fold).anyMatch(word -> line.startsWith(word)
                && (line.length() == word.length() || !Character.isLetter(line.charAt(word.length()))));
    }

    /** The line holds one of the words as a word (unsubscription words are unambiguous anywhere). */
    private static boolean containsWord(String line, List<String> keywords) {
        return keywords.stream().map(ReplyCommands::fold).anyMatch(word -> Pattern.compile(
                "(^|[^\\p{L}])" + Pattern.quote(word) + "($|[^\\p{L}])").matcher(line).find());
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replaceAll("\\s+", " ");
    }
}
