package org.relais.distribution;

import java.time.Instant;
import java.util.Optional;
import org.relais.directory.Contact;

/** A contact as list mail sees it: whether it still gets list mail, and how it wants notifications. */
public record ListContact(Contact contact, String listReference, Instant unsubscribedAt, Instant bounceFlaggedAt,
                          String notificationMode) {

    public String address() {
        return contact.address();
    }

    /** Why no list mail goes to this contact, or empty if it gets them. */
    public Optional<String> exclusion() {
        if (unsubscribedAt != null) {
            return Optional.of("unsubscribed");
        }
        if (bounceFlaggedAt != null) {
            return Optional.of("bounces");
        }
        return Optional.empty();
    }

    public boolean wantsDigest() {
        return "digest".equals(notificationMode);
    }
}
