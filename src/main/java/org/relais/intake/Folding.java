package org.relais.intake;

import org.relais.spreadsheet.TextNormalizer;

/**
 * Text folded for matching words in it: the labels' normal form (lower case, no diacritics, words separated by single
 * spaces), with a space at each end so that a word is found whole at the start or end of the text too.
 */
final class Folding {

    private Folding() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return " " + TextNormalizer.normalize(text) + " ";
    }
}
