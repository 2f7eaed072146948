package org.relais.intake;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.relais.HubProperties;
import org.relais.intake.HubMailbox.Arrived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first step for every mail: its bytes into PostgreSQL, committed before the mail server hears that the mail was
 * taken. A poll's mails are stored in one transaction (a burst's in two at once), and flagged seen in one command only
 * after the route has put their tickets on the queue; a crash anywhere before leaves them unseen, the next poll takes
 * them again and the store recognises them, handing on once more those a crash left unprocessed. The originals it
 * inserted wait in memory for their consumers (FreshOriginals).
 */
@Component("mailboxIntake")
public class MailboxIntake implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    /** A poll of fewer mails (a partner writing now and then) is stored in one transaction; a burst's, in two. */
    private static final int STORED_IN_TWO_FROM = 10;

    private final HubMailbox mailbox;
    private final InboundMailRepository repository;
    private final TransactionTemplate transaction;
    private final FreshOriginals originals;
    private final Path spool;
    private final ExecutorService secondHalf = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "intake-store");
        thread.setDaemon(true);
        return thread;
    });

    MailboxIntake(HubMailbox mailbox, InboundMailRepository repository, TransactionTemplate transaction,
                  FreshOriginals originals, HubProperties hub) throws IOException {
        this.mailbox = mailbox;
        this.repository = repository;
        this.transaction = transaction;
        this.originals = originals;
        this.spool = SpooledMail.folderIn(hub.dataDir());
    }

    /** A mail spooled, with its UID in the mailbox. */
    private record Spooled(long uid, StorableMail mail) {
    }

    /**
     * Takes the unseen mails of the hub mailbox and stores the new ones. A large mail goes through a spool file, never
     * whole in memory (SpooledMail); the files are gone once the rows are written. A mail the server fails to give is
     * left unseen for the next poll and does not hold back the others.
     */
    public MailboxBatch storeNewMails() throws MessagingException, IOException {
        HubMailbox.Poll poll = mailbox.unseenMails();
        List<Spooled> spooled = new ArrayList<>();
        try {
            for (Arrived arrived : poll.mails()) {
                try {
                    spooled.add(spool(arrived));
                } catch (FolderClosedException | StoreClosedException e) {
                    throw e;
                } catch (MessagingException e) {
                    log.warn("Mail UID {} could not be read from the mailbox; it is left for the next poll: {}",
                            arrived.uid(), e.toString());
                }
            }
            List<MailReceipt> receipts = storeAll(spooled);
            List<IntakeTicket> tickets = new ArrayList<>();
            for (int i = 0; i < receipts.size(); i++) {
                MailReceipt receipt = receipts.get(i);
                if (receipt.needsProcessing()) {
                    tickets.add(receipt.ticket());
                }
                if (receipt.inserted()) {
                    // committed: the row holds these very bytes
                    spooled.get(i).mail().raw().bytes().ifPresent(bytes -> originals.hold(receipt.mailId(), bytes));
                }
            }
            long[] uids = spooled.stream().mapToLong(Spooled::uid).toArray();
            return new MailboxBatch(poll.uidValidity(), uids, tickets);
        } finally {
            for (Spooled mail : spooled) {
                mail.mail().raw().close();
            }
        }
    }

    /** Flags the batch's mails seen: called once their tickets are on the queue. */
    public void markSeen(MailboxBatch batch) throws MessagingException {
        mailbox.markSeen(batch.uidValidity(), batch.uids());
    }

    /**
     * After a poll that took no mail: waits for the mail server to tell of a new one (IMAP IDLE), at most the poll's
     * delay; false, at once, when the server cannot tell (HubMailbox#awaitNewMail).
     */
    public boolean awaitNewMail() throws MessagingException {
        return mailbox.awaitNewMail();
    }

    /** When a poll last went through to its end, its mails flagged (null if none did since the start). */
    public Instant lastPoll() {
        return mailbox.lastPoll();
    }

    @Override
    public void destroy() {
        secondHalf.shutdownNow();
    }

    private Spooled spool(Arrived arrived) throws MessagingException, IOException {
        SpooledMail raw;
        try {
            raw = SpooledMail.of(arrived.message(), spool);
        } finally {
            if (arrived.message() instanceof IMAPMessage prefetched) {
                // the open folder keeps its messages from poll to poll: the bytes fetched must not stay with them
                prefetched.invalidateHeaders();
            }
        }
        try {
            return new Spooled(arrived.uid(), StorableMail.of(raw));
        } catch (MessagingException | IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The receipts in the order of the mails. A burst's poll is stored in two transactions at once, each half of its
     * mails on a connection of its own: the store's statements are PostgreSQL's longest (each original's bytes), the
     * poll waits for them, and the consumers for the poll (bench/README.md, "The poll's store in two halves"). Either
     * failing fails the poll: nothing is flagged, and the next poll's store recognises what the other committed.
     */
    private List<MailReceipt> storeAll(List<Spooled> spooled) {
        if (spooled.size() < STORED_IN_TWO_FROM) {
            return spooled.isEmpty() ? List.of() : transaction.execute(status -> store(spooled));
        }
        int half = spooled.size() / 2;
        Future<List<MailReceipt>> second = secondHalf.submit(
                () -> transaction.execute(status -> store(spooled.subList(half, spooled.size()))));
        List<MailReceipt> receipts;
        try {
            receipts = new ArrayList<>(transaction.execute(status -> store(spooled.subList(0, half))));
        } catch (RuntimeException e) {
            // the other half reads the same spooled mails, which the poll closes at its end: waited for first
            try {
                outcome(second);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        receipts.addAll(outcome(second));
        return receipts;
    }

    private static List<MailReceipt> outcome(Future<List<MailReceipt>> half) {
        try {
            return half.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Storing half of a poll failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while half of a poll was stored", e);
        }
    }

    /** The mails' receipts, in their order, in the caller's transaction. */
    private List<MailReceipt> store(List<Spooled> spooled) {
        List<MailReceipt> receipts = new ArrayList<>();
        for (Spooled mail : spooled) {
            try {
                receipts.add(mail.mail().storeIn(repository));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return receipts;
    }
}
