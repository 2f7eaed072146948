package org.relais.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relais.mail.MailProperties;

/**
 * The hub's IMAP folder against GreenMail, through a relay that counts the connections the hub opens and its SEARCH
 * commands.
 */
class HubMailboxTest {

    private static final String HUB = "hub@relais.test";

    private final GreenMail server = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    private CountingRelay relay;
    private HubMailbox mailbox;

    @BeforeEach
    void start() throws IOException {
        server.start();
        server.setUser(HUB, HUB, "secret");
        relay = new CountingRelay(server.getImap().getPort());
        mailbox = mailboxWaitingAtMost(500);
    }

    /** The hub's mailbox through the relay, with its poll delay: the longest wait in IDLE. */
    private HubMailbox mailboxWaitingAtMost(long pollDelayMs) {
        return mailbox(pollDelayMs, 100);
    }

    private HubMailbox mailbox(long pollDelayMs, int mailsPerPoll) {
        return mailbox(relay.port(), pollDelayMs, mailsPerPoll);
    }

    private HubMailbox mailbox(int port, long pollDelayMs, int mailsPerPoll) {
        MailProperties.Imap imap = new MailProperties.Imap("imap", "127.0.0.1", port, HUB, "secret", "INBOX",
                1 << 20);
        return new HubMailbox(new MailProperties(null, imap, null, null, null, null, 1, 1),
                new IntakeProperties(pollDelayMs, mailsPerPoll, 16 << 20, 20 << 20, 200, 1, 16 << 20, List.of("fr")));
    }

    @AfterEach
    void stop() throws IOException {
        mailbox.destroy();
        relay.close();
        server.stop();
    }

    @Test
    void pollsTakeWholeMailsAndFlagThemSeenOverTheOneConnectionTheyLogInOn() throws Exception {
        sendRaports(1, 2, 3);

        HubMailbox.Poll first = mailbox.unseenMails();
        mailbox.markSeen(first.uidValidity(), uids(first));
        // an empty poll closes the folder (HubMailbox), the next one selects it anew
        HubMailbox.Poll empty = mailbox.unseenMails();
        sendRaports(4);
        HubMailbox.Poll second = await().atMost(Duration.ofSeconds(10))
                .until(mailbox::unseenMails, poll -> !poll.mails().isEmpty());

        assertThat(first.mails()).hasSize(3);
        assertThat(empty.mails()).isEmpty();
        assertThat(second.mails()).singleElement()
                .satisfies(mail -> assertThat(mail.message().getSubject()).isEqualTo("Raport 4"));
        assertThat(relay.connections()).as("one login, never a second connection for the store").hasValue(1);
    }

    @Test
    void markSeenFlagsThePollsMailsByUidAndSkipsAMailDeletedMeanwhile() throws Exception {
        sendRaports(1, 2, 3);
        HubMailbox.Poll poll = mailbox.unseenMails();
        MailFolder inbox = server.getManagers().getImapHostManager().getInbox(server.getUserManager().getUser(HUB));
        StoredMessage deleted = inbox.getMessages().get(1);
        deleted.setFlag(Flags.Flag.DELETED, true);
        inbox.expunge();

        mailbox.markSeen(poll.uidValidity(), uids(poll));

        assertThat(poll.mails()).hasSize(3);
        assertThat(inbox.getMessages()).hasSize(2)
                .allSatisfy(mail -> assertThat(mail.isSet(Flags.Flag.SEEN)).isTrue());
        assertThat(mailbox.unseenMails().mails()).isEmpty();
    }

    @Test
    void pollsTakeTheRestOfTheirSearchWithoutSearchingAgainWhileItFillsAPoll() throws Exception {
        fiveMailsForPollsOfTwo();

        List<List<String>> polls = new ArrayList<>();
        for (int poll = 0; poll < 3; poll++) {
            HubMailbox.Poll taken = mailbox.unseenMails();
            polls.add(subjects(taken));
            mailbox.markSeen(taken.uidValidity(), uids(taken));
        }

        assertThat(polls).containsExactly(List.of("Raport 1", "Raport 2"), List.of("Raport 3", "Raport 4"),
                List.of("Raport 5"));
        assertThat(relay.searches()).as("the second poll took the first one's rest; the third searched anew")
                .hasValue(2);
    }

    @Test
    void aPollWhoseMailsWereNotFlaggedIsFollowedByANewSearchThatTakesThemAgain() throws Exception {
        fiveMailsForPollsOfTwo();

        HubMailbox.Poll failed = mailbox.unseenMails();
        HubMailbox.Poll next = mailbox.unseenMails();

        assertThat(subjects(failed)).containsExactly("Raport 1", "Raport 2");
        assertThat(subjects(next)).containsExactly("Raport 1", "Raport 2");
        assertThat(relay.searches()).hasValue(2);
    }

    @Test
    void aMailOfThePollLeftUnflaggedIsTakenAgainByTheNextPollsSearch() throws Exception {
        fiveMailsForPollsOfTwo();

        HubMailbox.Poll first = mailbox.unseenMails();
        // the second mail could not be read: the poll flags the first alone
        mailbox.markSeen(first.uidValidity(), new long[] {first.mails().get(0).uid()});
        HubMailbox.Poll next = mailbox.unseenMails();

        assertThat(subjects(next)).containsExactly("Raport 2", "Raport 3");
        assertThat(relay.searches()).hasValue(2);
    }

    @Test
    void aWaitForNewMailEndsAsTheServerTellsOfOneAndThePollTakesIt() throws Exception {
        mailbox.destroy();
        mailbox = mailboxWaitingAtMost(60_000);
        assertThat(mailbox.unseenMails().mails()).isEmpty();

        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(this::awaitNewMail);
        sendRaports(1);

        assertThat(waited.get(10, TimeUnit.SECONDS)).as("waited in IDLE, far less than its bound").isTrue();
        assertThat(mailbox.unseenMails().mails()).singleElement()
                .satisfies(mail -> assertThat(mail.message().getSubject()).isEqualTo("Raport 1"));
        assertThat(relay.connections()).hasValue(1);
    }

    @Test
    void aMailDeliveredAfterThePollLookedEndsTheWaitBeforeItBegins() throws Exception {
        mailbox.destroy();
        mailbox = mailboxWaitingAtMost(60_000);
        assertThat(mailbox.unseenMails().mails()).isEmpty();
        sendRaports(1);
        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();

        assertThat(CompletableFuture.supplyAsync(this::awaitNewMail).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mailbox.unseenMails().mails()).hasSize(1);
    }

    @Test
    void aMailDeliveredAsTheWaitBeginsEndsItAtOnce() throws Exception {
        mailbox.destroy();
        mailbox = mailboxWaitingAtMost(60_000);
        assertThat(mailbox.unseenMails().mails()).isEmpty();
        // GreenMail tells of it before its go-ahead to the IDLE, as it answers the command
        relay.beforeIdle(() -> {
            sendRaports(1);
            assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        });

        assertThat(CompletableFuture.supplyAsync(this::awaitNewMail).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mailbox.unseenMails().mails()).hasSize(1);
        assertThat(relay.connections()).hasValue(1);
    }

    @Test
    void aWaitThatNoMailEndsLastsThePollDelayAndLeavesTheConnectionToThePolls() throws Exception {
        assertThat(mailbox.unseenMails().mails()).isEmpty();

        long start = System.nanoTime();
        boolean waited = mailbox.awaitNewMail();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        sendRaports(1);
        HubMailbox.Poll next = await().atMost(Duration.ofSeconds(10))
                .until(mailbox::unseenMails, poll -> !poll.mails().isEmpty());

        assertThat(waited).isTrue();
        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        assertThat(next.mails()).hasSize(1);
        assertThat(relay.connections()).as("the bound's command went over the poll's connection").hasValue(1);
    }

    @Test
    void aPollsCommandsDoNotWaitForAnAcknowledgementTheHubWouldDelay() throws Exception {
        assumeTrue(QuickAckSocketFactory.quickAckSupported(), "the system acknowledges at once on request (Linux)");
        // straight to GreenMail, which writes a FETCH's lines and its closing OK apart, without TCP_NODELAY: Nagle's
        // algorithm holds the OK back until the lines are acknowledged, which Linux otherwise delays by 40 ms
        HubMailbox direct = mailbox(server.getImap().getPort(), 500, 1);
        try {
            sendRaports(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(server.waitForIncomingEmail(5_000, 11)).isTrue();
            pollFetchAndFlag(direct);

            long start = System.nanoTime();
            for (int poll = 0; poll < 10; poll++) {
                pollFetchAndFlag(direct);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // each poll of one mail: a FETCH of its UID and size, a FETCH of its bytes (and a silent UID STORE)
            assertThat(took).as("20 FETCH commands, each answered within a delayed acknowledgement's 40 ms")
                    .isLessThan(Duration.ofMillis(20 * 40));
        } finally {
            direct.destroy();
        }
    }

    private static void pollFetchAndFlag(HubMailbox mailbox) throws MessagingException {
        HubMailbox.Poll poll = mailbox.unseenMails();
        assertThat(poll.mails()).hasSize(1);
        mailbox.fetchWhole(poll.mails());
        mailbox.markSeen(poll.uidValidity(), uids(poll));
    }

    /** Raports 1 to 5 delivered, for a mailbox whose polls take two mails at most. */
    private void fiveMailsForPollsOfTwo() {
        mailbox.destroy();
        mailbox = mailbox(500, 2);
        sendRaports(1, 2, 3, 4, 5);
        assertThat(server.waitForIncomingEmail(5_000, 5)).isTrue();
    }

    private boolean awaitNewMail() {
        try {
            return mailbox.awaitNewMail();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendRaports(int... numbers) {
        for (int number : numbers) {
            GreenMailUtil.sendTextEmail(HUB, "arges@relais.test", "Raport " + number, "text " + number,
                    server.getSmtp().getServerSetup());
        }
    }

    private static List<String> subjects(HubMailbox.Poll poll) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (HubMailbox.Arrived mail : poll.mails()) {
            subjects.add(mail.message().getSubject());
        }
        return subjects;
    }

    private static long[] uids(HubMailbox.Poll poll) {
        return poll.mails().stream().mapToLong(HubMailbox.Arrived::uid).toArray();
    }

    /**
     * Passes bytes both ways between the hub and the IMAP server, counting the connections and the SEARCH commands;
     * it can hold the hub's IDLE command back while something happens on the server.
     */
    private static final class CountingRelay implements AutoCloseable {

        private static final byte[] IDLE = " IDLE\r\n".getBytes(StandardCharsets.US_ASCII);
        private static final String SEARCH = " SEARCH ";

        private final ServerSocket listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger searches = new AtomicInteger();
        private volatile Runnable beforeIdle = () -> { };

        CountingRelay(int target) throws IOException {
            daemon(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                        connections.incrementAndGet();
                        pipe(client, upstream, true);
                        pipe(upstream, client, false);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        AtomicInteger connections() {
            return connections;
        }

        /** The SEARCH commands the hub sent. */
        AtomicInteger searches() {
            return searches;
        }

        /** What happens once, when the hub's next IDLE command reaches the relay and before it goes on. */
        void beforeIdle(Runnable happening) {
            beforeIdle = happening;
        }

        private void pipe(Socket from, Socket to, boolean fromHub) {
            daemon(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    byte[] buffer = new byte[8192];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        if (fromHub && new String(buffer, 0, read, StandardCharsets.US_ASCII).contains(SEARCH)) {
                            searches.incrementAndGet();
                        }
                        if (fromHub && endsWith(buffer, read, IDLE)) {
                            Runnable happening = beforeIdle;
                            beforeIdle = () -> { };
                            happening.run();
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // either side hung up: the other is closed with it
                }
            });
        }

        /** A command comes in one write: its line ends the bytes read. */
        private static boolean endsWith(byte[] buffer, int length, byte[] end) {
            return length >= end.length
                    && Arrays.equals(buffer, length - end.length, length, end, 0, end.length);
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
