package org.relais.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.mail.DefaultMailUidGenerator;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camel's mail consumer asks each mail of a poll for its Message-ID (to know it again), then for its flags, and
 * intake then reads its bytes: three IMAP round trips per mail. Asked for a mail not fetched yet, this fetches that
 * mail and the next ones, up to one poll's worth, in two FETCH commands: headers, flags and sizes of all, then the
 * whole bytes of as many as fit in {@code relais.intake.prefetch-bytes}. Both peek (BODY.PEEK): nothing is flagged
 * seen by them, the route still flags each mail after its commit. {@link MailboxIntake} releases the bytes it stored.
 */
@Component("mailboxPrefetch")
class MailboxPrefetch implements MailUidGenerator {

    private static final Logger log = LoggerFactory.getLogger(MailboxPrefetch.class);
    private static final FetchProfile HEADERS_FLAGS_SIZE = new FetchProfile();
    private static final FetchProfile WHOLE_MAIL = new FetchProfile();

    static {
        HEADERS_FLAGS_SIZE.add(FetchProfile.Item.FLAGS);
        HEADERS_FLAGS_SIZE.add(FetchProfile.Item.SIZE);
        HEADERS_FLAGS_SIZE.add(IMAPFolder.FetchProfileItem.HEADERS);
        WHOLE_MAIL.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }

    private final MailUidGenerator messageIds = new DefaultMailUidGenerator();
    private final int perPoll;
    private final long prefetchBytes;
    private Folder prefetchedFolder;
    private int prefetchedUpTo;
    /** The ids of the mails last prefetched, by message number: still known once their bytes are released. */
    private Map<Integer, String> ids = Map.of();

    MailboxPrefetch(@Value("${relais.intake.max-messages-per-poll}") int perPoll,
                    @Value("${relais.intake.prefetch-bytes}") long prefetchBytes) {
        this.perPoll = perPoll;
        this.prefetchBytes = prefetchBytes;
    }

    @Override
    public synchronized String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        int number = message.getMessageNumber();
        if (folder instanceof IMAPFolder && (folder != prefetchedFolder || number > prefetchedUpTo)) {
            prefetch(endpoint, folder, number);
        }
        String known = folder == prefetchedFolder ? ids.get(number) : null;
        return known != null ? known : messageIds.generateUuid(endpoint, message);
    }

    private void prefetch(MailEndpoint endpoint, Folder folder, int from) {
        try {
            int to = Math.min(folder.getMessageCount(), from + perPoll - 1);
            if (to < from) {
                return;
            }
            Message[] window = folder.getMessages(from, to);
            folder.fetch(window, HEADERS_FLAGS_SIZE);
            Map<Integer, String> windowIds = new HashMap<>();
            List<Message> fitting = new ArrayList<>();
            long bytes = 0;
            for (Message message : window) {
                windowIds.put(message.getMessageNumber(), messageIds.generateUuid(endpoint, message));
                if (!message.isSet(jakarta.mail.Flags.Flag.SEEN) && bytes + message.getSize() <= prefetchBytes) {
                    bytes += message.getSize();
                    fitting.add(message);
                }
            }
            // IMAP4rev1 fetches whole mails with BODY.PEEK[]; an older server would be sent RFC822, which flags seen
            if (!fitting.isEmpty() && ((IMAPStore) folder.getStore()).hasCapability("IMAP4rev1")) {
                folder.fetch(fitting.toArray(Message[]::new), WHOLE_MAIL);
            }
            prefetchedFolder = folder;
            prefetchedUpTo = to;
            ids = windowIds;
        } catch (MessagingException | RuntimeException e) {
            // only saves round trips: each mail is then read on its own
            log.debug("Prefetch of messages from {} failed: {}", from, e.toString());
        }
    }
}
