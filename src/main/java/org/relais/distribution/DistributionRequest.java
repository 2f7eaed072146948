package org.relais.distribution;

import java.util.List;

/**
 * What a flow asks the distribution to send, on the {@code distribution} queue (JSON): a document in its versions
 * per language, by reference to the stored parts (never the bytes).
 *
 * @param reference the document's tracking reference (REL-…)
 * @param kind      what it is, which the distribution policies map to audiences: minutes, synthesis, conclusions,
 *                  budget-outcome, …
 * @param seminar   the seminar code, or null for the whole partnership
 * @param title     a short title for subjects and lists, in the language of the first version
 * @param versions  one per language available
 */
public record DistributionRequest(String reference, String kind, String seminar, String title,
                                  List<Version> versions) {

    /** One language's version: a stored mail part (mail_part.id) and the file name to show. */
    public record Version(String language, long partId, String fileName) {
    }
}
