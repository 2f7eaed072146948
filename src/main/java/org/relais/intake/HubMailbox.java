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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.relais.mail.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The hub's IMAP folder, kept open from one poll to the next while mails keep coming. A poll costs the mail server a
 * few commands whatever the number of mails: one STORE that flags seen the mails stored since the last poll, one
 * SEARCH for the unseen ones, one FETCH of their UIDs and sizes, one FETCH of the whole mails that fit in the poll's
 * byte budget. Reading never flags (BODY.PEEK): a mail is flagged only after {@link #markSeen}, which intake calls
 * after its commit.
 * <p>
 * The next poll may run while the last one's mails are being stored: the mails a poll handed on are left out of the
 * polls after it until they are flagged, or until {@link #release} gives them back after a failed store.
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

    /** The mails of one poll, each with its UID in the folder of that UIDVALIDITY. */
    record Poll(long uidValidity, List<Arrived> mails) {
    }

    record Arrived(long uid, Message message) {
    }

    /** Where a mail handed on by a poll stands, until it is flagged seen or given back. */
    private enum HandedOn { BEING_STORED, TO_FLAG }

    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String folderName;
    private final int maxMails;
    private final long maxBytes;
    private Store store;
    private IMAPFolder folder;
    /** The UIDVALIDITY of the mails handed on: a renumbered folder forgets them. */
    private volatile long uidValidity = -1;
    private final Map<Long, HandedOn> handedOn = new ConcurrentHashMap<>();

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
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", "15000");
        properties.setProperty("mail." + protocol + ".timeout", "120000");
        // a mail's bytes in blocks of 1 MB rather than JavaMail's 16 KB: one round trip for a typical mail
        properties.setProperty("mail." + protocol + ".fetchsize", String.valueOf(imap.fetchSize()));
        // reading a mail must not flag it seen: only markSeen does, after the commit
        properties.setProperty("mail." + protocol + ".peek", "true");
        this.session = Session.getInstance(properties);
    }

    /**
     * The oldest unseen mails not handed on already, at most {@code max-messages-per-poll} of them and
     * {@code max-bytes-per-poll} in all (a larger mail comes alone). Their bytes are in memory when they fit in the
     * budget; a mail alone over it is read a block at a time when it is written out. The mails stored since the last
     * poll are flagged seen first.
     */
    synchronized Poll unseenMails() throws MessagingException {
        try {
            IMAPFolder inbox = openFolder();
            // asks the server for mails delivered since the last poll before searching
            inbox.getMessageCount();
            long currentValidity = inbox.getUIDValidity();
            if (currentValidity != uidValidity) {
                forgetHandedOn(currentValidity);
            }
            flagStoredMails(inbox);
            Message[] unseen = inbox.search(UNSEEN);
            // the mails handed on and not flagged yet are among the oldest unseen: the window reaches past them
            Message[] window = Arrays.copyOf(unseen, Math.min(unseen.length, handedOn.size() + maxMails));
            inbox.fetch(window, UID_AND_SIZE);
            List<Arrived> mails = new ArrayList<>();
            long bytes = 0;
            for (Message mail : window) {
                long uid = inbox.getUID(mail);
                if (handedOn.containsKey(uid)) {
                    continue;
                }
                if (mails.size() == maxMails || !mails.isEmpty() && bytes + mail.getSize() > maxBytes) {
                    break;
                }
                bytes += mail.getSize();
                mails.add(new Arrived(uid, mail));
            }
            // IMAP4rev1 fetches whole mails with BODY.PEEK[]; an older server would be sent RFC822, which flags seen
            if (bytes <= maxBytes && !mails.isEmpty() && speaksImap4rev1(inbox)) {
                inbox.fetch(mails.stream().map(Arrived::message).toArray(Message[]::new), WHOLE_MAIL);
            }
            if (mails.isEmpty()) {
                // a server may fail to tell an open folder about its last new mail (GreenMail does, under load);
                // selected anew at the next poll, the folder counts its mails from scratch
                closeFolder();
            }
            for (Arrived mail : mails) {
                handedOn.put(mail.uid(), HandedOn.BEING_STORED);
            }
            return new Poll(currentValidity, mails);
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
     * The mails are stored and their tickets on the queue: the next poll flags them seen, in the same turn as its
     * search, so that storing a poll never waits for the mailbox. Until then no poll takes them again; a crash before
     * leaves them unseen, and intake knows them when they come again. Mails of a folder whose UIDs changed meanwhile
     * (UIDVALIDITY) are left: the next poll fetches them again and intake knows them.
     */
    void markSeen(long validity, long[] uids) {
        if (validity != uidValidity) {
            log.warn("The mailbox {} was renumbered (UIDVALIDITY {} -> {}): {} mails are left unseen and taken again",
                    folderName, validity, uidValidity, uids.length);
            return;
        }
        for (long uid : uids) {
            handedOn.replace(uid, HandedOn.BEING_STORED, HandedOn.TO_FLAG);
        }
    }

    /**
     * Gives back to the next poll the mails of a poll that could not be stored; those marked seen stay taken. Tells
     * whether any was given back.
     */
    boolean release(long[] uids) {
        boolean any = false;
        for (long uid : uids) {
            any |= handedOn.remove(uid, HandedOn.BEING_STORED);
        }
        return any;
    }

    private void forgetHandedOn(long currentValidity) {
        if (!handedOn.isEmpty()) {
            log.warn("The mailbox {} was renumbered (UIDVALIDITY {} -> {}): {} mails being stored or to flag will be "
                    + "taken again", folderName, uidValidity, currentValidity, handedOn.size());
        }
        handedOn.clear();
        uidValidity = currentValidity;
    }

    /**
     * Flags seen the mails stored since the last poll, by UID and silent, in one command: JavaMail's setFlags would
     * first ask for the message numbers of the UIDs, and the server would then tell each mail's new flags (a mail
     * gone meanwhile is skipped by the server).
     */
    private void flagStoredMails(IMAPFolder inbox) throws MessagingException {
        long[] stored = handedOn.entrySet().stream().filter(entry -> entry.getValue() == HandedOn.TO_FLAG)
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        if (stored.length == 0) {
            return;
        }
        // UIDSet makes ranges of consecutive UIDs only when they come in order
        String set = UIDSet.toString(UIDSet.createUIDSets(stored));
        inbox.doCommand(protocol -> {
            protocol.simpleCommand("UID STORE " + set + " +FLAGS.SILENT (\\Seen)", null);
            return null;
        });
        for (long uid : stored) {
            handedOn.remove(uid, HandedOn.TO_FLAG);
        }
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

    /** The mails stored since the last poll are flagged as the hub stops, rather than fetched again at its start. */
    @Override
    public synchronized void destroy() {
        try {
            if (handedOn.containsValue(HandedOn.TO_FLAG) && folder != null && folder.isOpen()) {
                flagStoredMails(folder);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("The mails stored last are left unseen, taken again at the start: {}", e.toString());
        }
        disconnect();
    }
}
