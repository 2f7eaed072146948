package org.relais.translation;

/** The claim check on a {@code translation.<language>} queue: one job, its minutes and its target language. */
public record TranslationJobTicket(long jobId, String reference, String language) {

    public static final String QUEUE_PREFIX = "translation.";

    public String queue() {
        return QUEUE_PREFIX + language;
    }
}
