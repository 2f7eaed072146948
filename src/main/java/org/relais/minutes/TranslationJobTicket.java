package org.relais.minutes;

/**
 * The claim check of one translation job (its minutes and its target language), on the queue of its language
 * (routes/minutes-dispatch.yaml). Here, beside {@link Dispatch}, because the translation flow builds on this package.
 */
public record TranslationJobTicket(long jobId, String reference, String language) {
}
