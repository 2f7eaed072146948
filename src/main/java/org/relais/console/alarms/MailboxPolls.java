package org.relais.console.alarms;

import java.time.Instant;
import org.relais.intake.MailboxIntake;
import org.springframework.stereotype.Component;

/**
 * When the hub last polled its mailbox successfully: a poll that went through to its end, the mails it took stored
 * and flagged. A suspended or stopped intake route does not poll, and a failing poll does not end, which is silence
 * too.
 */
@Component
class MailboxPolls {

    private final MailboxIntake intake;
    private Instant watchingSince;

    MailboxPolls(MailboxIntake intake) {
        this.intake = intake;
    }

    /** The last successful poll, or null if none went through since the hub started. */
    synchronized Instant lastSuccess() {
        if (watchingSince == null) {
            watchingSince = Instant.now();
        }
        return intake.lastPoll();
    }

    /** When the watch first looked: silence is counted from there until a first successful poll is seen. */
    synchronized Instant watchingSince() {
        return watchingSince;
    }
}
