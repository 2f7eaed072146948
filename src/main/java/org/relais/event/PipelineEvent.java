package org.relais.event;

import java.util.Map;

/**
 * Something the follow-up group is told about, on the {@code events} queue (JSON): the distribution's notifier
 * writes to each member in their language, per event or in a daily digest.
 *
 * @param type      document-received, budget-verdict, review-requested, translations-complete, distribution-done, …
 * @param reference the tracking reference concerned
 * @param seminar   the seminar code, or null
 * @param facts     short values the notification templates show (file name, verdict, languages, counts, …)
 */
public record PipelineEvent(String type, String reference, String seminar, Map<String, String> facts) {
}
