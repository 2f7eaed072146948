package org.relais.spreadsheet;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a label to the form labels are compared in: no accents, lower case, words separated by single spaces.
 * Romanian ș/ş and ț/ţ (comma and cedilla forms, both in use) end up as s and t alike.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return NOT_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
