package org.relais.intake;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails one poll took from the hub mailbox, spooled, on their way to PostgreSQL (MailboxIntake).
 *
 * @param uidValidity  the UIDVALIDITY of the folder their UIDs belong to
 * @param mails        the mails, oldest first
 * @param followAtOnce whether the next poll follows at once: it took mails, and the poll before was stored
 */
public record FetchedMails(long uidValidity, List<FetchedMail> mails, boolean followAtOnce) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FetchedMails.class);

    /** Whether the poll took any mail: only then is there something to store. */
    public boolean anyMail() {
        return !mails.isEmpty();
    }

    long[] uids() {
        return mails.stream().mapToLong(FetchedMail::uid).toArray();
    }

    /** Deletes the spool files. */
    @Override
    public void close() {
        for (FetchedMail mail : mails) {
            try {
                mail.raw().close();
            } catch (IOException e) {
                log.warn("A spool file of mail UID {} could not be deleted: {}", mail.uid(), e.toString());
            }
        }
    }
}
