package org.relais.translation;

/**
 * A translation of one minutes into one language.
 *
 * @param machine off, draft or final (from the provider configured when the job was made)
 * @param state   queued, with-translator, waiting-coordinator or done
 */
public record TranslationJob(long id, String reference, long sourceDocumentId, String sourceLanguage,
                             String targetLanguage, boolean human, String machine, String state,
                             boolean machineAttempted, String machineDraft, String machineProblem) {

    public static final String QUEUED = "queued";
    public static final String WITH_TRANSLATOR = "with-translator";
    public static final String WAITING_COORDINATOR = "waiting-coordinator";
    public static final String DONE = "done";
}
