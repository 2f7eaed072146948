package org.relais.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.springframework.stereotype.Component;

/**
 * Tells the language of a text with OpenNLP's language-detection model (103 languages, ISO 639-3 codes), among the
 * languages Relais knows ({@link MinutesProperties#sourceLanguages()}), and says whether it is sure.
 */
@Component
public class LanguageIdentifier {

    private static final String MODEL = "/langdetect-183.bin";
    /** OpenNLP reads characters n-grams: beyond this much text the answer no longer changes, only the cost. */
    private static final int SAMPLE_CHARACTERS = 20_000;

    /**
     * @param language  the language, when the detector is sure and it is one Relais knows; otherwise null
     * @param best      the most likely of the languages Relais knows, even when unsure (null without letters)
     * @param detected  what the detector saw first among all its languages (ISO 639-1 when it has one)
     */
    public record Identification(String language, String best, String detected, double confidence) {

        public boolean confident() {
            return language != null;
        }
    }

    /** Loaded at the first text to identify: the model takes a second and tens of MB, and most hubs idle. */
    private volatile LanguageDetectorME detector;
    private final List<String> candidates;
    private final MinutesProperties.Detection thresholds;
    private final Map<String, String> twoLetterCodes = new HashMap<>();

    public LanguageIdentifier(MinutesProperties properties) {
        if (LanguageIdentifier.class.getResource(MODEL) == null) {
            throw new IllegalStateException("OpenNLP's language model " + MODEL + " is not on the classpath");
        }
        this.candidates = properties.sourceLanguages();
        this.thresholds = properties.detection();
        for (String code : Locale.getISOLanguages()) {
            twoLetterCodes.put(new Locale(code).getISO3Language(), code);
        }
    }

    public Identification identify(String text) {
        String sample = text.length() > SAMPLE_CHARACTERS ? text.substring(0, SAMPLE_CHARACTERS) : text;
        long letters = sample.codePoints().filter(Character::isLetter).count();
        if (letters == 0) {
            return new Identification(null, null, null, 0);
        }
        Language[] ranked = detector().predictLanguages(sample);
        String detected = twoLetters(ranked[0].getLang());
        String best = null;
        for (Language language : ranked) {
            if (candidates.contains(twoLetters(language.getLang()))) {
                best = twoLetters(language.getLang());
                break;
            }
        }
        double confidence = ranked[0].getConfidence();
        double runnerUp = ranked.length > 1 ? ranked[1].getConfidence() : 0;
        boolean sure = letters >= thresholds.minimumLetters() && candidates.contains(detected)
                && confidence >= thresholds.minimumConfidence()
                && confidence >= thresholds.minimumRatio() * runnerUp;
        return new Identification(sure ? detected : null, best, detected, confidence);
    }

    private LanguageDetectorME detector() {
        LanguageDetectorME loaded = detector;
        if (loaded == null) {
            synchronized (this) {
                loaded = detector;
                if (loaded == null) {
                    try (InputStream model = LanguageIdentifier.class.getResourceAsStream(MODEL)) {
                        loaded = new LanguageDetectorME(new LanguageDetectorModel(model));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    detector = loaded;
                }
            }
        }
        return loaded;
    }

    /** How likely the text is in one of the known languages: used to tell which charset reads as language. */
    double bestKnownLanguageScore(String text) {
        String sample = text.length() > SAMPLE_CHARACTERS ? text.substring(0, SAMPLE_CHARACTERS) : text;
        double best = 0;
        for (Language language : detector().predictLanguages(sample)) {
            if (candidates.contains(twoLetters(language.getLang()))) {
                best = Math.max(best, language.getConfidence());
            }
        }
        return best;
    }

    private String twoLetters(String iso3) {
        return twoLetterCodes.getOrDefault(iso3, iso3);
    }
}
