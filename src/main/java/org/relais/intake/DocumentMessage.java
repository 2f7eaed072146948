package org.relais.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The claim check put on a flow's queue for each document: references into PostgreSQL, never the file's bytes.
 * Consumers are idempotent on {@code documentId}: after a crash a document may be published again. Unknown fields
 * are ignored, so that a message of an earlier version (which named its queue) is still understood.
 *
 * @param flow the flow that takes the document (see {@link DocumentKind#flow()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentMessage(long documentId, String reference, String kind, String flow, String seminar,
                              String sender, String language, String fileName, long mailId, long partId) {

    DocumentMessage withId(long id) {
        return new DocumentMessage(id, reference, kind, flow, seminar, sender, language, fileName, mailId, partId);
    }
}
