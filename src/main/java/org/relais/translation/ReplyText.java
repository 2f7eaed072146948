package org.relais.translation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What a translator wrote in a reply, without the quoted mail below it; and whether it declines the job. */
final class ReplyText {

    /** The line mail clients put above the quoted mail, in the partnership's languages and English. */
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(-{2,}\\s*(original message|message d'origine|mesaj original|mesajul original|оригинално съобщение|"
                    + "исходное сообщение|forwarded message|message transféré|пересылаемое сообщение)\\s*-{2,}|"
                    + "(on|le|la|în|in|pe|на) .{4,120}(wrote|a écrit|a scris|написа)\\s*:|"
                    + ".{4,160} (пишет|написал|написала|написал\\(а\\))\\s*:)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A reply that says no is short; a translation in the body is not taken for a refusal. */
    private static final int LONGEST_DECLINE = 600;

    private ReplyText() {
    }

    static String unquoted(String body) {
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\\R", -1)) {
            if (QUOTE_HEADER.matcher(line.strip()).matches()) {
                break;
            }
            if (!line.startsWith(">")) {
                text.append(line).append('\n');
            }
        }
        return text.toString().strip();
    }

    static boolean declines(String unquoted, List<String> declineWords) {
        if (unquoted.length() > LONGEST_DECLINE) {
            return false;
        }
        String folded = fold(unquoted);
        return declineWords.stream().map(ReplyText::fold).anyMatch(folded::contains);
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
    }
}
