package org.relais.translation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether what a translator wrote in a reply ({@link org.relais.mail.OwnText}) declines the job. */
final class ReplyText {

    /** A reply that says no is short; a translation in the body is not taken for a refusal. */
    private static final int LONGEST_DECLINE = 600;

    private ReplyText() {
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
