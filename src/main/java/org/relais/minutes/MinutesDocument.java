package org.relais.minutes;

/**
 * A document of the minutes as sent, with its text and language.
 *
 * @param languageState detected (the detector was sure), uncertain (a coordinator must say; language is null),
 *                      set (a coordinator said)
 */
public record MinutesDocument(long documentId, String reference, long partId, String fileName, String text,
                              String extractionProblem, String detectedLanguage, double confidence, String language,
                              String languageState) {

    public boolean languageKnown() {
        return language != null;
    }
}
