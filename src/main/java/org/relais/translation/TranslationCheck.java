package org.relais.translation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.relais.minutes.LanguageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Whether a text that came back as a translation is one: long enough, in the target language, and not the
 * original returned unchanged (what a machine does with a pair it cannot translate, or a translator who attached
 * the wrong file).
 */
@Component
public class TranslationCheck {

    /** Why a text is not taken as the translation. detected: the language it seems to be in. */
    public record Problem(String code, String detected) {
        public static final String EMPTY = "empty";
        public static final String UNCHANGED = "unchanged";
        public static final String WRONG_LANGUAGE = "wrong-language";
    }

    private static final int MINIMUM_LETTERS = 20;
    /** Share of the words of the text also found in the original above which it is the original. */
    private static final double SAME_WORDS = 0.9;

    private final LanguageIdentifier identifier;

    TranslationCheck(LanguageIdentifier identifier) {
        this.identifier = identifier;
    }

    public Optional<Problem> problem(String text, String original, String target) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < MINIMUM_LETTERS) {
            return Optional.of(new Problem(Problem.EMPTY, null));
        }
        if (original != null && sameText(text, original)) {
            return Optional.of(new Problem(Problem.UNCHANGED, null));
        }
        LanguageIdentifier.Identification identification = identifier.identify(text);
        boolean contradicted = identification.confident() && !identification.language().equals(target);
        if (contradicted || !target.equals(identification.best())) {
            String detected = identification.confident() ? identification.language() : identification.best();
            return Optional.of(new Problem(Problem.WRONG_LANGUAGE, detected));
        }
        return Optional.empty();
    }

    static boolean sameText(String text, String original) {
        List<String> words = words(text);
        Set<String> originalWords = new HashSet<>(words(original));
        if (words.isEmpty()) {
            return false;
        }
        long shared = words.stream().filter(originalWords::contains).count();
        return shared >= SAME_WORDS * words.size();
    }

    private static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 1).toList();
    }
}
