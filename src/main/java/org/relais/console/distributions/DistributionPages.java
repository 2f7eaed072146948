package org.relais.console.distributions;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/**
 * What the Distributions pages show, and their JSON. Codes (kinds, states, audiences, newsletter names) stay codes
 * here: the templates turn each into words of the page's language.
 */
final class DistributionPages {

    private DistributionPages() {
    }

    /**
     * The mails of a distribution or a newsletter issue, by state: {@code total} recipients, of which sent, deferred
     * (refused for now, tried again later), pending, failed (refused for good or bounced) and skipped (unsubscribed,
     * bouncing). {@code state} is the distribution's (received, waiting-languages, no-policy, sending, done), null for
     * an issue.
     */
    record Progress(long id, String state, int total, int sent, int deferred, int pending, int failed, int skipped) {
    }

    /** A document distributed, with its seminar (number and title, none for the whole partnership). */
    record Distribution(@JsonUnwrapped Progress progress, String reference, String kind, String title,
                        Integer seminarNumber, String seminarTitle, List<String> audiences, List<String> languages,
                        Instant receivedAt) {
    }

    /**
     * One recipient of a distribution: its mail's state (pending, deferred, sent, failed, bounced, skipped), why it
     * was skipped (unsubscribed, bounces, version-not-stored), and the mail server's last answer.
     */
    record Recipient(String address, String name, String language, String state, String skipped, int attempts,
                     String lastReply, Instant sentAt) {
    }

    /** A distribution's figures and each recipient's state: what the page refreshes. */
    record Live(@JsonUnwrapped Progress progress, List<Recipient> recipients) {
    }

    /** A newsletter issue: its schedule, the time it was due, who asked for it (schedule or console, and who). */
    record Issue(@JsonUnwrapped Progress progress, String schedule, Instant scheduledFor, String requestedBy,
                 String actor) {
    }

    /**
     * A coordinator's action: resend-failed on a distribution, or a newsletter sent, with the number of mails it
     * handed on ({@code mails}) and what it was about.
     */
    record Action(long id, Instant at, String actor, String action, String outcome, Integer mails,
                  Long distributionId, String reference, String schedule) {
    }
}
