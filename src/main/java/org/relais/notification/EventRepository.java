package org.relais.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relais.event.PipelineEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pipeline events received and the notifications written for them, per member. */
@Repository
class EventRepository {

    /** Modes of a member's notification of an event (column notification.mode). */
    static final String EACH = "each";
    static final String GATHERED = "gathered";
    static final String DIGEST = "digest";

    record StoredEvent(long id, String type, String reference, String seminarCode, Map<String, String> facts) {

        PipelineEvent event() {
            return new PipelineEvent(type, reference, seminarCode, facts);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WAITING = """
            select e.id, e.type, e.reference, e.seminar_code, e.facts::text as facts
            from notification n join pipeline_event e on e.id = n.event_id
            where n.recipient = :recipient and n.outgoing_mail_id is null and n.skipped is null
            """;
    private static final String WAITING_GATHERED = WAITING + """
              and n.mode = 'gathered'
            order by e.received_at, e.id
            for update of n
            """;
    private static final String WAITING_FOR_DIGEST = WAITING + """
              and n.mode = 'digest' and e.received_at <= :upTo
            order by e.received_at, e.id
            for update of n
            """;

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's id, and whether this call stored it (false: a duplicate of an event already received). */
    record Insert(long id, boolean isNew) {
    }

    Insert insert(String dedupKey, PipelineEvent event) {
        Optional<Long> inserted = jdbc.sql("""
                        insert into pipeline_event (dedup_key, type, reference, seminar_code, facts)
                        values (:key, :type, :reference, :seminar, cast(:facts as jsonb))
                        on conflict (dedup_key) do nothing
                        returning id
                        """)
                .param("key", dedupKey)
                .param("type", event.type())
                .param("reference", event.reference())
                .param("seminar", event.seminar())
                .param("facts", json(event.facts()))
                .query(Long.class)
                .optional();
        if (inserted.isPresent()) {
            return new Insert(inserted.get(), true);
        }
        return new Insert(jdbc.sql("select id from pipeline_event where dedup_key = :key for update")
                .param("key", dedupKey)
                .query(Long.class)
                .single(), false);
    }

    /**
     * One member's notification of an event: told at once ({@code outgoingMailId} and {@code toldAt}), gathered
     * until {@code dueAt}, waiting for the digest, or {@code skipped} (why).
     */
    void insertNotification(long eventId, String recipient, String mode, Long outgoingMailId, String skipped,
                            Instant dueAt, Instant toldAt) {
        jdbc.sql("""
                        insert into notification (event_id, recipient, mode, outgoing_mail_id, skipped, due_at, told_at)
                        values (:eventId, :recipient, :mode, :outgoingMailId, :skipped, :dueAt, :toldAt)
                        on conflict (event_id, recipient) do nothing
                        """)
                .param("eventId", eventId)
                .param("recipient", recipient)
                .param("mode", mode)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
                .param("dueAt", timestamp(dueAt))
                .param("toldAt", timestamp(toldAt))
                .update();
    }

    /**
     * Holds the member's notices until the transaction ends: whoever decides whether the member is told at once or
     * later (an event arriving, the timer writing a gathered notice, on any instance) decides alone.
     */
    void lockMember(String recipient) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('notice:' || :recipient))) locked")
                .param("recipient", recipient)
                .query(Integer.class)
                .single();
    }

    /** When the member's last notice (at once, gathered or digest) was written, if ever. */
    Optional<Instant> lastTold(String recipient) {
        return jdbc.sql("select max(told_at) from notification where recipient = :recipient")
                .param("recipient", recipient)
                .query((rs, row) -> Optional.ofNullable(instant(rs, 1)))
                .single();
    }

    /** When the notice gathering the member's waiting events is due, if events are being gathered. */
    Optional<Instant> gatheringDue(String recipient) {
        return jdbc.sql("""
                        select min(due_at) from notification
                        where recipient = :recipient and mode = 'gathered' and outgoing_mail_id is null
                          and skipped is null
                        """)
                .param("recipient", recipient)
                .query((rs, row) -> Optional.ofNullable(instant(rs, 1)))
                .single();
    }

    List<Long> unsentMails(long eventId) {
        return jdbc.sql("""
                        select o.id from notification n join outgoing_mail o on o.id = n.outgoing_mail_id
                        where n.event_id = :eventId and o.sent_at is null and o.failed_at is null order by o.id
                        """)
                .param("eventId", eventId)
                .query(Long.class)
                .list();
    }

    /** Members whose gathered notice is due at {@code now}. */
    List<String> gatheredRecipients(Instant now) {
        return jdbc.sql("""
                        select distinct recipient from notification
                        where mode = 'gathered' and outgoing_mail_id is null and skipped is null and due_at <= :now
                        order by recipient
                        """)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .list();
    }

    /** Members with events waiting for their digest, received up to {@code upTo}. */
    List<String> digestRecipients(Instant upTo) {
        return jdbc.sql("""
                        select distinct n.recipient from notification n join pipeline_event e on e.id = n.event_id
                        where n.mode = 'digest' and n.outgoing_mail_id is null and n.skipped is null
                          and e.received_at <= :upTo
                        order by n.recipient
                        """)
                .param("upTo", Timestamp.from(upTo))
                .query(String.class)
                .list();
    }

    /** A member's events gathered for one notice, oldest first, locked so that they go into one notice only. */
    List<StoredEvent> waitingGathered(String recipient) {
        return jdbc.sql(WAITING_GATHERED)
                .param("recipient", recipient)
                .query(EventRepository::storedEvent)
                .list();
    }

    /** A member's events waiting for the digest, received up to {@code upTo}, oldest first, locked likewise. */
    List<StoredEvent> waitingForDigest(String recipient, Instant upTo) {
        return jdbc.sql(WAITING_FOR_DIGEST)
                .param("recipient", recipient)
                .param("upTo", Timestamp.from(upTo))
                .query(EventRepository::storedEvent)
                .list();
    }

    /** The member's waiting notifications of these events are done: written in one mail, or skipped (why). */
    void told(List<Long> eventIds, String recipient, Long outgoingMailId, String skipped, Instant toldAt) {
        jdbc.sql("""
                        update notification set outgoing_mail_id = :outgoingMailId, skipped = :skipped,
                            told_at = :toldAt
                        where recipient = :recipient and event_id in (:eventIds)
                        """)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
                .param("toldAt", outgoingMailId == null ? null : Timestamp.from(toldAt))
                .param("recipient", recipient)
                .param("eventIds", eventIds)
                .update();
    }

    static String json(Map<String, String> facts) {
        try {
            return JSON.writeValueAsString(facts == null ? Map.of() : new TreeMap<>(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> facts(String json) {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredEvent storedEvent(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("id"), rs.getString("type"), rs.getString("reference"),
                rs.getString("seminar_code"), facts(rs.getString("facts")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
