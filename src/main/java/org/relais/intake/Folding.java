package org.relais.intake;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text folded for matching: lower case, no diacritics (ș, ş and s meet), single spaces. */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.,;:/\\\\()\\[\\]'\"«»’]+");

    private Folding() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return " " + SEPARATORS.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim() + " ";
    }
}
