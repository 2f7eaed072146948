package org.relais.mail;

import java.time.Instant;
import java.util.List;

/**
 * What the loop guard notes of a mail someone wrote to the hub.
 *
 * @param writtenAt   when it was written: its Date header, or when it came if that is missing or in the future
 * @param fingerprint a hash of its subject (without reply prefixes and tracking tags) and content, or null when the
 *                    mail could not be read
 * @param answers     the Message-IDs its In-Reply-To and References name
 */
public record Arrival(long mailId, String sender, Instant writtenAt, String fingerprint, List<String> answers) {
}
