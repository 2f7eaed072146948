package org.relais.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.relais.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hub's IMAP folder, kept open from one poll to the next while mails keep coming. A poll costs the mail server a
 * few commands whatever the number of mails: one SEARCH for the unseen ones (none while the last one's rest fills a
 * poll), one FETCH of their UIDs and sizes, a FETCH of the whole mails of each of the poll's few batches, and later
 * one STORE that flags them all seen. Reading never flags (BODY.PEEK): a mail is flagged only by {@link #markSeen},
 * which intake calls after its commit. Between polls that find nothing it waits in IMAP IDLE ({@link #awaitNewMail}),
 * so that a mail is taken as it arrives.
 */
@Component
class HubMailbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HubMailbox.class);
    private static final FetchProfile UID_AND_SIZE = new FetchProfile();
    private static final FetchProfile WHOLE_MAIL = new FetchProfile();
    private static final FlagTerm UNSEEN = new FlagTerm(new Flags(Flags.Flag.SEEN), false);

    static {
        UID_AND_SIZE.add(UIDFolder.FetchProfileItem.UID);
        UID_AND_SIZE.add(FetchProfile.Item.SIZE);
        WHOLE_MAIL.add(IMAPFolder.FetchProfileItem.MESSAGE);
    }

    /**
     * The mails of one poll, each with its UID in the folder of that UIDVALIDITY; {@code fetchedInBatches} when their
     * bytes are to be fetched a batch at a time ({@link #fetchWhole}), else each is read as it is written out.
     */
    record Poll(long uidValidity, List<Arrived> mails, boolean fetchedInBatches) {
    }

    record Arrived(long uid, Message message) {
    }

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String folderName;
    private final int maxMails;
    private final long maxBytes;
    private final long idleMs;
    /** Ends a wait in IDLE that no new mail ended within its bound. */
    private final ScheduledExecutorService idleBound = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "intake-idle-bound");
        thread.setDaemon(true);
        return thread;
    });
    private Store store;
    private IMAPFolder folder;
    /** The folder's number of mails when the last poll looked (mails seen and unseen). */
    private int countAtLastPoll;
    /**
     * The unseen mails the last SEARCH found beyond its poll, oldest first, in the folder it searched: while they fill
     * a poll and the last poll's mails were all flagged, the next poll takes them without searching again. A burst's
     * SEARCH walks the whole folder on some servers (GreenMail: 45-65 ms with 1,000 mails in it, a seventh of a poll of
     * 100; bench/README.md, "A burst's SEARCH once").
     */
    private List<Message> leftBySearch = List.of();
    private IMAPFolder searchedFolder;
    /**
     * The UIDs of the last poll's mails that markSeen has not flagged: after a poll that failed, or left a mail it could
     * not read for a later poll, the next one searches anew.
     */
    private Set<Long> awaitingFlags = Set.of();
    /** Whether the log said that the server does not speak IDLE (once is enough). */
    private boolean toldWithoutIdle;
    private volatile Instant lastPoll;

    HubMailbox(MailProperties mail, IntakeProperties intake) {
        MailProperties.Imap imap = mail.imap();
        this.protocol = imap.protocol();
        this.host = imap.host();
        this.port = imap.port();
        this.username = imap.username();
        this.password = imap.password();
        this.folderName = imap.folder();
        this.maxMails = intake.maxMessagesPerPoll();
        this.maxBytes = intake.maxBytesPerPoll();
        this.idleMs = intake.pollDelayMs();
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", "15000");
        properties.setProperty("mail." + protocol + ".timeout", "120000");
        // a mail's bytes in blocks of 1 MB rather than JavaMail's 16 KB: one round trip for a typical mail
        properties.setProperty("mail." + protocol + ".fetchsize", String.valueOf(imap.fetchSize()));
        // reading a mail must not flag it seen: only markSeen does, after the commit
        properties.setProperty("mail." + protocol + ".peek", "true");
        // the poll follows an IDLE at once: no other thread waits to use the folder in between
        properties.setProperty("mail." + protocol + ".minidletime", "0");
        // each command's answer acknowledged as it is read: GreenMail's otherwise waited 40 ms for it
        properties.put("mail." + protocol + ".socketFactory", new QuickAckSocketFactory());
        this.session = Session.getInstance(properties);
    }

    /**
     * The oldest unseen mails, at most {@code max-messages-per-poll} of them and {@code max-bytes-per-poll} in all
     * (a larger mail comes alone), their bytes not yet fetched. Mails within the budget are fetched a batch at a time
     * ({@link #fetchWhole}); a mail alone over it is read a block at a time when it is written out.
     */
    synchronized Poll unseenMails() throws MessagingException {
        try {
            IMAPFolder inbox = openFolder();
            // asks the server for mails delivered since the last poll before searching
            countAtLastPoll = inbox.getMessageCount();
            long uidValidity = inbox.getUIDValidity();
            List<Message> unseen = unseenOldestFirst(inbox);
            Message[] window = unseen.subList(0, Math.min(unseen.size(), maxMails)).toArray(Message[]::new);
            inbox.fetch(window, UID_AND_SIZE);
            List<Arrived> mails = new ArrayList<>();
            long bytes = 0;
            for (Message mail : window) {
                if (!mails.isEmpty() && bytes + mail.getSize() > maxBytes) {
                    break;
                }
                bytes += mail.getSize();
                mails.add(new Arrived(inbox.getUID(mail), mail));
            }
            leftBySearch = List.copyOf(unseen.subList(mails.size(), unseen.size()));
            searchedFolder = inbox;
            awaitingFlags = mails.stream().map(Arrived::uid).collect(Collectors.toSet());
            // IMAP4rev1 fetches whole mails with BODY.PEEK[]; an older server would be sent RFC822, which flags seen
            boolean fetchedInBatches = bytes <= maxBytes && !mails.isEmpty() && speaksImap4rev1(inbox);
            if (mails.isEmpty()) {
                // a server may fail to tell an open folder about its last new mail (GreenMail does, under load);
                // selected anew at the next poll, the folder counts its mails from scratch
                closeFolder();
            }
            return new Poll(uidValidity, mails, fetchedInBatches);
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * The rest of the last SEARCH while it fills a poll, in the folder it searched, after a poll whose mails were all
     * flagged; else the unseen mails that a new SEARCH finds. A mail of that rest flagged seen by another client
     * meanwhile is taken all the same (intake knows a mail it stored); one expunged meanwhile is not.
     */
    private List<Message> unseenOldestFirst(IMAPFolder inbox) throws MessagingException {
        List<Message> left = leftBySearch.stream().filter(mail -> !mail.isExpunged()).toList();
        if (searchedFolder == inbox && awaitingFlags.isEmpty() && left.size() >= maxMails) {
            return left;
        }
        return Arrays.asList(inbox.search(UNSEEN));
    }

    /** The whole of these mails of the last poll, in one FETCH (BODY.PEEK[]). */
    synchronized void fetchWhole(List<Arrived> mails) throws MessagingException {
        try {
            openFolder().fetch(mails.stream().map(Arrived::message).toArray(Message[]::new), WHOLE_MAIL);
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Asked of the open folder's connection, which knows the server's capabilities: asked of the store, JavaMail would
     * log in on a second connection to answer.
     */
    private static boolean speaksImap4rev1(IMAPFolder inbox) throws MessagingException {
        return (Boolean) inbox.doCommand(IMAPProtocol::isREV1);
    }

    /**
     * After a poll that found nothing: waits in IMAP IDLE (RFC 2177) until the server tells of a change in the folder,
     * a new mail above all, or for {@code poll-delay-ms} at the most; returns false at once, without waiting, when the
     * server does not speak IDLE (the poller then waits its delay). The folder is selected anew first (an empty poll
     * closes it), and a mail delivered since the last poll looked ends the wait before it begins. Polling on a timer
     * alone, a mail waited half the delay on average, and a burst's first poll took a hundred mails before the first
     * one's processing began (bench/README.md, "IMAP IDLE").
     */
    synchronized boolean awaitNewMail() throws MessagingException {
        try {
            IMAPFolder inbox = openFolder();
            if (!(Boolean) inbox.doCommand(protocol -> protocol.hasCapability("IDLE"))) {
                if (!toldWithoutIdle) {
                    log.info("The mail server does not speak IMAP IDLE: the mailbox {} is polled every {} ms",
                            folderName, idleMs);
                    toldWithoutIdle = true;
                }
                return false;
            }
            if (inbox.getMessageCount() == countAtLastPoll) {
                idleAtMost(inbox);
            }
            return true;
        } catch (MessagingException | RuntimeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * IDLE, ended by the server's first notification or, at {@code poll-delay-ms}, by its {@link Bound} — again each
     * delay after, in case the first came before the IDLE had begun (a thread held up), when it ended nothing.
     */
    private void idleAtMost(IMAPFolder inbox) throws MessagingException {
        Bound bound = new Bound(inbox);
        // a mail delivered between the last look and the IDLE is told before the server's go-ahead, which JavaMail
        // reads as it starts the IDLE, not as a notification that ends it: the bound ends it at once instead
        ResponseHandler newMail = response -> {
            if (response instanceof IMAPResponse told && told.keyEquals("EXISTS")) {
                idleBound.execute(bound);
            }
        };
        IMAPProtocol connection = (IMAPProtocol) inbox.doCommand(protocol -> {
            protocol.addResponseHandler(newMail);
            return protocol;
        });
        ScheduledFuture<?> due = idleBound.scheduleWithFixedDelay(bound, idleMs, idleMs, TimeUnit.MILLISECONDS);
        try {
            inbox.idle(true);
        } finally {
            bound.over();
            due.cancel(false);
            connection.removeResponseHandler(newMail);
        }
    }

    /**
     * Ends an IDLE that lasted its bound with a command of its own thread (for which JavaMail sends DONE first). Once
     * the IDLE is over it never touches the folder: run late, after the poller went on and closed it, its command
     * would log in on a second connection.
     */
    private static final class Bound implements Runnable {

        private final IMAPFolder inbox;
        private boolean over;

        Bound(IMAPFolder inbox) {
            this.inbox = inbox;
        }

        @Override
        public synchronized void run() {
            // a folder closed by a failure would take the command to a connection of the store's
            if (!over && inbox.isOpen()) {
                try {
                    inbox.doCommand(protocol -> null);
                } catch (MessagingException | RuntimeException e) {
                    log.debug("Ending the mailbox's IDLE failed: {}", e.toString());
                }
            }
        }

        synchronized void over() {
            over = true;
        }
    }

    /**
     * Flags the mails seen in one UID STORE. Mails of a folder whose UIDs changed meanwhile (UIDVALIDITY) are left:
     * the next poll fetches them again and intake knows them.
     */
    synchronized void markSeen(long uidValidity, long[] uids) throws MessagingException {
        if (uids.length > 0) {
            try {
                IMAPFolder inbox = openFolder();
                if (inbox.getUIDValidity() != uidValidity) {
                    log.warn("The mailbox {} was renumbered (UIDVALIDITY {} -> {}): {} mails are left unseen and "
                            + "taken again", folderName, uidValidity, inbox.getUIDValidity(), uids.length);
                } else {
                    // UIDSet makes ranges of consecutive UIDs only when they come in order
                    long[] ascending = uids.clone();
                    Arrays.sort(ascending);
                    String set = UIDSet.toString(UIDSet.createUIDSets(ascending));
                    // by UID and silent, in one command: JavaMail's setFlags would first ask for the message numbers
                    // of the UIDs, and the server would then tell each mail's new flags (a mail gone meanwhile is
                    // skipped by the server)
                    inbox.doCommand(protocol -> {
                        protocol.simpleCommand("UID STORE " + set + " +FLAGS.SILENT (\\Seen)", null);
                        return null;
                    });
                    awaitingFlags = unflagged(uids);
                }
            } catch (MessagingException | RuntimeException e) {
                disconnect();
                throw e;
            }
        }
        lastPoll = Instant.now();
    }

    private Set<Long> unflagged(long[] flagged) {
        Set<Long> left = new HashSet<>(awaitingFlags);
        Arrays.stream(flagged).forEach(left::remove);
        return left;
    }

    /** When a poll last went through to its end, flagging included (null if none did since the start). */
    Instant lastPoll() {
        return lastPoll;
    }

    private IMAPFolder openFolder() throws MessagingException {
        if (folder != null && folder.isOpen()) {
            return folder;
        }
        // IMAPStore.isConnected asks the server (a NOOP): only when the folder has to be selected anew
        if (store == null || !store.isConnected()) {
            disconnect();
            store = session.getStore(protocol);
            store.connect(host, port, username, password);
        }
        folder = (IMAPFolder) store.getFolder(folderName);
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private void closeFolder() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing the mailbox folder failed: {}", e.toString());
        }
        folder = null;
        // the mails of a closed folder are gone with it: the next poll searches the one selected anew
        leftBySearch = List.of();
        searchedFolder = null;
    }

    private void disconnect() {
        closeFolder();
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Closing the mailbox connection failed: {}", e.toString());
        }
        store = null;
    }

    @Override
    public synchronized void destroy() {
        idleBound.shutdownNow();
        disconnect();
    }
}
