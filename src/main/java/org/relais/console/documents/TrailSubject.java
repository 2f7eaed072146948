package org.relais.console.documents;

import java.util.List;

/**
 * What a trail is about: the mail of one tracking reference and the documents found in it.
 *
 * @param documentIds the {@code document} rows of the reference, in order
 * @param partIds     their {@code mail_part} rows, in the same order
 */
public record TrailSubject(String reference, long mailId, List<Long> documentIds, List<Long> partIds) {
}
