package org.relais.mail;

import java.time.Duration;
import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class OutgoingMailRepository {

    record Unsent(long id, String purpose, String recipient, byte[] raw) {
    }

    static final int IDS_DRAWN_AT_ONCE = 20;

    private final JdbcClient jdbc;
    private final Deque<Long> drawnIds = new ArrayDeque<>();

    OutgoingMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The id the next mail will have: its signed addresses are written into it before it is stored. Ids are drawn
     * from the sequence a block at a time (a round trip for twenty mails, not one each); those not given when the hub
     * stops stay unused, as does the id of a mail composed and never stored.
     */
    long nextId() {
        synchronized (drawnIds) {
            if (drawnIds.isEmpty()) {
                drawnIds.addAll(jdbc.sql("""
                                select nextval(pg_get_serial_sequence('outgoing_mail', 'id'))
                                from generate_series(1, :count)
                                """)
                        .param("count", IDS_DRAWN_AT_ONCE)
                        .query(Long.class)
                        .list());
            }
            return drawnIds.removeFirst();
        }
    }

    void insert(long id, String purpose, Long inboundMailId, String recipient, String language, String subject,
                String messageId, byte[] raw, String listId, String requestReference) {
        jdbc.sql("""
                        insert into outgoing_mail (id, purpose, mail_id, recipient, language, subject, message_id, raw,
                                                   list_id, request_reference)
                        values (:id, :purpose, :mailId, :recipient, :language, :subject, :messageId, :raw, :listId,
                                :requestReference)
                        """)
                .param("id", id)
                .param("purpose", purpose)
                .param("mailId", inboundMailId)
                .param("recipient", recipient)
                .param("language", language)
                .param("subject", subject)
                .param("messageId", messageId)
                .param("raw", raw)
                .param("listId", listId)
                .param("requestReference", requestReference)
                .update();
    }

    /** Answers only: list mail cannot start a loop between robots, and must not use up a partner's answers. */
    void recordWithheld(String purpose, Long inboundMailId, String recipient) {
        jdbc.sql("insert into withheld_reply (purpose, mail_id, recipient) values (:purpose, :mailId, :recipient)")
                .param("purpose", purpose)
                .param("mailId", inboundMailId)
                .param("recipient", recipient)
                .update();
    }

    /**
     * Waits for the other transactions deciding about the same {@code subject} (a recipient, or a limit of the whole
     * hub) to end, so that each counts what the one before it wrote: two intake consumers cannot both take the last
     * place under a limit. Held until the transaction ends.
     */
    void lockDecisionsAbout(String subject) {
        // asked once a transaction: the loop guard's note takes it, its decision about the same sender finds it held
        // (outside a transaction the lock ends with its statement, and is asked for each time)
        boolean heldAlready = TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()
                && !HeldLocks.ofThisTransaction().add(subject);
        if (!heldAlready) {
            jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(:subject, 0))")
                    .param("subject", "loop-guard " + subject)
                    .query().listOfRows();
        }
    }

    /**
     * The subjects the current transaction holds the lock of, bound to it as Spring binds its connection: put aside
     * while an inner transaction of its own runs, forgotten when it ends.
     */
    private static final class HeldLocks implements TransactionSynchronization {

        private final Set<String> subjects = new HashSet<>();

        static Set<String> ofThisTransaction() {
            HeldLocks held = (HeldLocks) TransactionSynchronizationManager.getResource(HeldLocks.class);
            if (held == null) {
                held = new HeldLocks();
                TransactionSynchronizationManager.bindResource(HeldLocks.class, held);
                TransactionSynchronizationManager.registerSynchronization(held);
            }
            return held.subjects;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(HeldLocks.class);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(HeldLocks.class, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(HeldLocks.class);
        }
    }

    /**
     * Whether {@code bound} mails (list mail aside) went or are to go to the recipient within the window. Counted up
     * to the bound only, as are the loop guard's other limits: a robot's flood makes no decision dearer than its
     * bound (bench/README.md, "Intake").
     */
    boolean reached(int bound, String recipient, Duration window) {
        return jdbc.sql("""
                        select count(*) from (select 1 from outgoing_mail
                                              where recipient = :recipient and list_id is null
                                                and created_at > now() - make_interval(secs => :seconds)
                                              limit :bound) as written
                        """)
                .param("recipient", recipient)
                .param("seconds", window.toSeconds())
                .param("bound", bound)
                .query(Integer.class)
                .single() >= bound;
    }

    /** Whether {@code bound} mails of these purposes went or are to go to the recipient within the window. */
    boolean reached(int bound, String recipient, List<String> purposes, Duration window) {
        return jdbc.sql("""
                        select count(*) from (select 1 from outgoing_mail
                                              where recipient = :recipient and purpose in (:purposes)
                                                and created_at > now() - make_interval(secs => :seconds)
                                              limit :bound) as written
                        """)
                .param("recipient", recipient)
                .param("purposes", purposes)
                .param("seconds", window.toSeconds())
                .param("bound", bound)
                .query(Integer.class)
                .single() >= bound;
    }

    /** Whether {@code bound} mails of one purpose went or are to go to anyone within the window. */
    boolean reachedOfPurpose(int bound, String purpose, Duration window) {
        return jdbc.sql("""
                        select count(*) from (select 1 from outgoing_mail
                                              where purpose = :purpose
                                                and created_at > now() - make_interval(secs => :seconds)
                                              limit :bound) as written
                        """)
                .param("purpose", purpose)
                .param("seconds", window.toSeconds())
                .param("bound", bound)
                .query(Integer.class)
                .single() >= bound;
    }

    /** When each of these mails (by Message-ID) to the recipient went out, or was written if not sent yet. */
    List<Instant> sentAtOf(List<String> messageIds, String recipient) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select coalesce(sent_at, created_at) from outgoing_mail
                        where message_id in (:messageIds) and recipient = :recipient
                        """)
                .param("messageIds", messageIds)
                .param("recipient", recipient)
                .query(Timestamp.class)
                .list().stream().map(Timestamp::toInstant).toList();
    }

    /** The mail if it is still to send (not sent, not refused for good), locked until the transaction ends. */
    Optional<Unsent> unsent(long id) {
        return jdbc.sql("""
                        select id, purpose, recipient, raw from outgoing_mail
                        where id = :id and sent_at is null and failed_at is null for update
                        """)
                .param("id", id)
                .query((rs, row) -> new Unsent(rs.getLong("id"), rs.getString("purpose"), rs.getString("recipient"),
                        rs.getBytes("raw")))
                .optional();
    }

    void markSent(long id, String reply) {
        jdbc.sql("""
                        update outgoing_mail set sent_at = now(), accepted_at = coalesce(accepted_at, now()),
                            attempts = attempts + 1, last_error = null,
                            last_reply = :reply, next_attempt_at = null
                        where id = :id
                        """)
                .param("id", id)
                .param("reply", reply)
                .update();
    }

    /** A refused attempt: temporary (try again at {@code nextAttempt}) or for good ({@code nextAttempt} null). */
    void markRefused(long id, String reply, boolean permanent, Instant nextAttempt) {
        jdbc.sql("""
                        update outgoing_mail set attempts = attempts + 1, last_error = :reply, last_reply = :reply,
                            next_attempt_at = :next, failed_at = case when :permanent then now() end
                        where id = :id and sent_at is null
                        """)
                .param("id", id)
                .param("reply", reply)
                .param("permanent", permanent)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .update();
    }

    int attempts(long id) {
        return jdbc.sql("select attempts from outgoing_mail where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /**
     * Mails of these purposes to send now: refused for a while and due again, or still unsent long after they were
     * written (their ticket was lost).
     */
    List<Long> due(List<String> purposes, Duration unsentFor) {
        return jdbc.sql("""
                        select id from outgoing_mail
                        where sent_at is null and failed_at is null and purpose in (:purposes)
                          and coalesce(next_attempt_at, created_at + make_interval(secs => :seconds)) <= now()
                        order by id
                        """)
                .param("purposes", purposes)
                .param("seconds", unsentFor.toSeconds())
                .query(Long.class)
                .list();
    }

    /** Refused mails sent again: their attempts start over. */
    List<Long> reopen(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        update outgoing_mail set failed_at = null, bounced_at = null, sent_at = null,
                            next_attempt_at = now(), attempts = 0
                        where id in (:ids) and (failed_at is not null or bounced_at is not null)
                        returning id
                        """)
                .param("ids", ids)
                .query(Long.class)
                .list();
    }

    private static final String WRITTEN = """
            select id, purpose, recipient, request_reference, accepted_at is not null as accepted from outgoing_mail
            """;

    Optional<OutgoingMailLedger.Written> byMessageId(String messageId) {
        return jdbc.sql(WRITTEN + " where message_id = :messageId")
                .param("messageId", messageId)
                .query(OutgoingMailRepository::written)
                .optional();
    }

    Optional<OutgoingMailLedger.Written> byId(long id) {
        return jdbc.sql(WRITTEN + " where id = :id")
                .param("id", id)
                .query(OutgoingMailRepository::written)
                .optional();
    }

    private static OutgoingMailLedger.Written written(ResultSet rs, int row) throws SQLException {
        return new OutgoingMailLedger.Written(rs.getLong("id"), rs.getString("purpose"), rs.getString("recipient"),
                rs.getString("request_reference"), rs.getBoolean("accepted"));
    }

    /** A bounce reported after the server took the mail: for good, or to be sent again at {@code nextAttempt}. */
    void markBounced(long id, String diagnostic, Instant nextAttempt) {
        jdbc.sql("""
                        update outgoing_mail set last_reply = :diagnostic,
                            bounced_at = case when cast(:next as timestamptz) is null then now() end,
                            sent_at = case when cast(:next as timestamptz) is null then sent_at end,
                            next_attempt_at = :next
                        where id = :id
                        """)
                .param("id", id)
                .param("diagnostic", diagnostic)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .update();
    }

    /**
     * Unsent mails, not refused for good, that no sender holds and that are due: deferred after a temporary refusal
     * and their next attempt come, or never tried and written longer than {@code age} ago. A sender holds the row of
     * the mail it sends locked, so those are skipped. Each mail returned is due again only {@code age} later: a mail
     * whose ticket is merely slow (a long queue) gets one more ticket per {@code age}, not one per sweep. List mail is
     * left to the distribution's own sweep, which sends it through its throttle.
     */
    List<Long> ticketAgain(Duration age, int maxAttempts) {
        return jdbc.sql("""
                        update outgoing_mail set next_attempt_at = now() + make_interval(secs => :seconds)
                        where id in (
                            select id from outgoing_mail
                            where sent_at is null and failed_at is null and list_id is null and attempts < :maxAttempts
                              and coalesce(next_attempt_at, created_at + make_interval(secs => :seconds)) <= now()
                            order by id limit 1000
                            for update skip locked)
                        returning id
                        """)
                .param("seconds", age.toMillis() / 1000.0)
                .param("maxAttempts", maxAttempts)
                .query(Long.class)
                .list();
    }

    List<Long> idsFor(long inboundMailId, String purpose) {
        return jdbc.sql("""
                        select id from outgoing_mail
                        where mail_id = :mailId and (cast(:purpose as text) is null or purpose = :purpose) order by id
                        """)
                .param("mailId", inboundMailId)
                .param("purpose", purpose)
                .query(Long.class)
                .list();
    }
}
