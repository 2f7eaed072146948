package org.relais.intake;

import java.util.List;

/**
 * What one mailbox poll stored: the tickets of the mails that wait for processing, and the UIDs of all the mails it
 * stored, to flag seen once the tickets are on the queue.
 */
public record MailboxBatch(long uidValidity, long[] uids, List<IntakeTicket> tickets) {

    /** Whether the poll took any mail: the next poll then follows at once. */
    public boolean anyMail() {
        return uids.length > 0;
    }
}
