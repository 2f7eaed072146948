package org.relais.intake;

/**
 * The claim check put on a flow's queue for each document: references into PostgreSQL, never the file's bytes.
 * Consumers are idempotent on {@code documentId}: after a crash a document may be published again.
 */
public record DocumentMessage(long documentId, String reference, String kind, String queue, String seminar,
                              String sender, String language, String fileName, long mailId, long partId) {

    DocumentMessage withId(long id) {
        return new DocumentMessage(id, reference, kind, queue, seminar, sender, language, fileName, mailId, partId);
    }
}
