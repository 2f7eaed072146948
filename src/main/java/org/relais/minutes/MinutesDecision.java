package org.relais.minutes;

/**
 * A coordinator's decision about a minutes, on the {@code minutes.decisions} queue (JSON).
 *
 * @param kind       language (the language of {@code documentId} is {@code language}) or complete (circulate the
 *                   versions there are)
 * @param decidedBy  the coordinator's address
 */
public record MinutesDecision(String kind, String reference, Long documentId, String language, String decidedBy) {

    public static final String LANGUAGE = "language";
    public static final String COMPLETE = "complete";
}
