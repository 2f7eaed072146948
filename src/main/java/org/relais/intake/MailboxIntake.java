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
 * taken. A poll's mails are fetched and stored a batch at a time, each batch stored while the next is fetched, and
 * flagged seen in one command only after the route has put their tickets on the queue; a crash anywhere before leaves
 * them unseen, the next poll takes them again and the store recognises them, handing on once more those a crash left
 * unprocessed. The originals it inserted wait in memory for their consumers (FreshOriginals).
 */
@Component("mailboxIntake")
public class MailboxIntake implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailboxIntake.class);
    /** A burst's poll comes in this many batches, or in batches of {@link #SMALLEST_BATCH} when that is more. */
    private static final int BATCHES_PER_POLL = 4;
    private static final int SMALLEST_BATCH = 5;

    private final HubMailbox mailbox;
    private final InboundMailRepository repository;
    private final TransactionTemplate transaction;
    private final FreshOriginals originals;
    private final Path spool;
    private final ExecutorService storing = Executors.newFixedThreadPool(2, task -> {
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
        List<Future<List<MailReceipt>>> stores = new ArrayList<>();
        try {
            for (List<Arrived> batch : batches(poll.mails())) {
                if (poll.fetchedInBatches()) {
                    mailbox.fetchWhole(batch);
                }
                List<Spooled> fetched = new ArrayList<>();
                for (Arrived arrived : batch) {
                    try {
                        fetched.add(spool(arrived));
                    } catch (FolderClosedException | StoreClosedException e) {
                        throw e;
                    } catch (MessagingException e) {
                        log.warn("Mail UID {} could not be read from the mailbox; it is left for the next poll: {}",
                                arrived.uid(), e.toString());
                    }
                }
                spooled.addAll(fetched);
                if (!fetched.isEmpty()) {
                    stores.add(storing.submit(() -> transaction.execute(status -> store(fetched))));
                }
            }
            List<MailReceipt> receipts = receipts(stores);
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
            // the stores read the spooled mails: each ended before they are closed
            awaitEach(stores);
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
        storing.shutdownNow();
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
     * A burst's poll in a few batches: the server's FETCH of a batch and PostgreSQL's store of the one before go on at
     * once, where a poll of a hundred mails waited for the whole FETCH, then for the whole store (GreenMail: some 370
     * and 250 ms; bench/README.md, "The routes' reads of an outcome"). Each batch is stored in a transaction of its
     * own, on a store thread; one failing fails the poll: nothing is flagged, and the next poll's store recognises
     * what the others committed.
     */
    private static List<List<Arrived>> batches(List<Arrived> mails) {
        int size = Math.max(SMALLEST_BATCH, (mails.size() + BATCHES_PER_POLL - 1) / BATCHES_PER_POLL);
        List<List<Arrived>> batches = new ArrayList<>();
        for (int from = 0; from < mails.size(); from += size) {
            batches.add(mails.subList(from, Math.min(mails.size(), from + size)));
        }
        return batches;
    }

    /** The receipts of every batch, in the order of the mails; the first batch that failed fails them all. */
    private static List<MailReceipt> receipts(List<Future<List<MailReceipt>>> stores) {
        List<MailReceipt> receipts = new ArrayList<>();
        for (Future<List<MailReceipt>> store : stores) {
            receipts.addAll(outcome(store));
        }
        return receipts;
    }

    /** Waits until no store reads the poll's spooled mails any more, whatever became of the poll. */
    private static void awaitEach(List<Future<List<MailReceipt>>> stores) {
        for (Future<List<MailReceipt>> store : stores) {
            try {
                outcome(store);
            } catch (RuntimeException e) {
                // thrown by receipts if it reached this batch, else the poll failed for another reason first
                log.debug("A batch of the poll was not stored: {}", e.toString());
            }
        }
    }

    private static List<MailReceipt> outcome(Future<List<MailReceipt>> store) {
        try {
            return store.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("Storing a batch of a poll failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a batch of a poll was stored", e);
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
