package org.relais.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.relais.support.HubTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The loop guard's note on a mail waits for the sender's other mails being noted only when a robot bound makes the
 * signs decide something: another transaction holding the sender's lock (as a mail being noted does until it
 * commits) holds the note back with the bound, and not without it.
 */
class LoopSignsTest extends HubTest {

    @Autowired
    LoopGuardProperties properties;

    @Autowired
    LoopSignRepository arrivals;

    @Autowired
    OutgoingMailRepository outgoing;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Test
    void withARobotBoundTheNoteWaitsForTheSendersMailBeingNotedAndSeesItOnceCommitted() throws SQLException {
        String sender = "bound-pace@relais.test";
        LoopSigns signs = new LoopSigns(arrivals, outgoing, properties);
        Instant now = Instant.now();
        try (Connection other = dataSource.getConnection()) {
            noteHeldOpen(other, mail(sender, now, "first"));

            CompletableFuture<Optional<RobotSign>> second = CompletableFuture.supplyAsync(
                    () -> transaction.execute(status -> signs.note(mail(sender, now.plusSeconds(1), "second"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForAnAdvisoryLock() == 1);
            assertThat(second).isNotDone();
            other.commit();

            assertThat(second.orTimeout(10, TimeUnit.SECONDS).join()).as("the first mail, a second earlier, seen")
                    .contains(RobotSign.PACE);
        }
    }

    @Test
    void withNoRobotBoundTheNoteGoesOnWhileTheSendersOtherMailIsBeingNoted() throws SQLException {
        String sender = "unbound-pace@relais.test";
        LoopSigns signs = new LoopSigns(arrivals, outgoing, withoutRobotBound(properties));
        Instant now = Instant.now();
        try (Connection other = dataSource.getConnection()) {
            noteHeldOpen(other, mail(sender, now, "first"));

            CompletableFuture<Optional<RobotSign>> second = CompletableFuture.supplyAsync(
                    () -> transaction.execute(status -> signs.note(mail(sender, now.plusSeconds(1), "second"))));

            assertThat(second.orTimeout(10, TimeUnit.SECONDS).join())
                    .as("noted beside the first, whose note is not committed").isEmpty();
            assertThat(waitingForAnAdvisoryLock()).isZero();
            other.commit();
        }
    }

    @Test
    void aMailNotedAgainKeepsItsFirstNoteAndAFirstNoteKeepsItsSign() {
        String sender = "noted-again@relais.test";
        LoopSigns signs = new LoopSigns(arrivals, outgoing, properties);
        Instant now = Instant.now();
        Arrival first = mail(sender, now, "first");
        Arrival second = mail(sender, now.plusSeconds(1), "second");

        assertThat(noteCommitted(signs, first)).isEmpty();
        assertThat(noteCommitted(signs, second)).contains(RobotSign.PACE);
        // processed again (released from quarantine): the rules see the second mail now, the first note stays
        assertThat(noteCommitted(signs, first)).contains(RobotSign.PACE);

        assertThat(signOf(first)).isEmpty();
        assertThat(signOf(second)).contains(RobotSign.PACE.code());
    }

    private Optional<RobotSign> noteCommitted(LoopSigns signs, Arrival arrival) {
        return transaction.execute(status -> signs.note(arrival));
    }

    /** The sign kept with the mail's note; the note must exist. */
    private Optional<String> signOf(Arrival arrival) {
        return jdbc.sql("select sign from loop_arrival where mail_id = :id").param("id", arrival.mailId())
                .query((row, number) -> Optional.ofNullable(row.getString("sign"))).single();
    }

    /** On the other connection, in a transaction left open: the sender's lock taken and the mail noted. */
    private void noteHeldOpen(Connection other, Arrival arrival) throws SQLException {
        other.setAutoCommit(false);
        try (PreparedStatement lock = other.prepareStatement(
                "select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))");
             PreparedStatement note = other.prepareStatement(
                     "insert into loop_arrival (mail_id, sender, written_at, fingerprint) values (?, ?, ?, ?)")) {
            lock.setString(1, "loop-guard " + arrival.sender());
            lock.executeQuery();
            note.setLong(1, arrival.mailId());
            note.setString(2, arrival.sender());
            note.setTimestamp(3, Timestamp.from(arrival.writtenAt()));
            note.setString(4, arrival.fingerprint());
            note.executeUpdate();
        }
    }

    /** A stored mail of the sender, written at that time, with a fingerprint of its own. */
    private Arrival mail(String sender, Instant writtenAt, String content) {
        long mailId = jdbc.sql("""
                        insert into inbound_mail (dedup_key, sender, raw, size_bytes)
                        values (:key, :sender, '', 0) returning id""")
                .param("key", sender + " " + content).param("sender", sender).query(Long.class).single();
        return new Arrival(mailId, sender, writtenAt, content, List.of());
    }

    private int waitingForAnAdvisoryLock() {
        return jdbc.sql("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'
                """).query(Integer.class).single();
    }

    private static LoopGuardProperties withoutRobotBound(LoopGuardProperties bounded) {
        return new LoopGuardProperties(bounded.window(), bounded.robotSigns(), null, bounded.quickReply(),
                bounded.personPace(), bounded.answersAtOnce(), bounded.gatherWithin(), bounded.gatherDelay(),
                bounded.unknownSendersPerHour(), bounded.sweepMs());
    }
}
