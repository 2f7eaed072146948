package org.relais.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    record StoredEvent(long id, String type, String reference, String seminarCode, Map<String, String> facts,
                       Instant receivedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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

    void insertNotification(long eventId, String recipient, String mode, Long outgoingMailId, String skipped) {
        jdbc.sql("""
                        insert into notification (event_id, recipient, mode, outgoing_mail_id, skipped)
                        values (:eventId, :recipient, :mode, :outgoingMailId, :skipped)
                        on conflict (event_id, recipient) do nothing
                        """)
                .param("eventId", eventId)
                .param("recipient", recipient)
                .param("mode", mode)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
                .update();
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

    /** A member's waiting events, oldest first, locked so that two digest runs never take the same one. */
    List<StoredEvent> waitingForDigest(String recipient, Instant upTo) {
        return jdbc.sql("""
                        select e.id, e.type, e.reference, e.seminar_code, e.facts::text as facts, e.received_at
                        from notification n join pipeline_event e on e.id = n.event_id
                        where n.recipient = :recipient and n.mode = 'digest' and n.outgoing_mail_id is null
                          and n.skipped is null and e.received_at <= :upTo
                        order by e.received_at, e.id
                        for update of n
                        """)
                .param("recipient", recipient)
                .param("upTo", Timestamp.from(upTo))
                .query((rs, row) -> new StoredEvent(rs.getLong("id"), rs.getString("type"), rs.getString("reference"),
                        rs.getString("seminar_code"), facts(rs.getString("facts")),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    void digested(List<Long> eventIds, String recipient, Long outgoingMailId, String skipped) {
        jdbc.sql("""
                        update notification set outgoing_mail_id = :outgoingMailId, skipped = :skipped
                        where recipient = :recipient and event_id in (:eventIds)
                        """)
                .param("outgoingMailId", outgoingMailId)
                .param("skipped", skipped)
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
}
