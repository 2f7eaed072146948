package org.relais.console.documents;

import java.time.Instant;

/**
 * A document in one language: the original as sent, or a translation.
 *
 * @param origin   original or translation
 * @param state    where that version stands (received, requested, delivered…)
 * @param partId   the stored file of this version in {@code mail_part}, when there is one to download
 */
public record DocumentVersion(long documentId, String language, String origin, String state, Instant at,
                              String fileName, Long partId) {
}
