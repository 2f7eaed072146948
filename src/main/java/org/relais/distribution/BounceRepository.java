package org.relais.distribution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounces as reported, each report kept raw in inbound_mail for a coordinator to read; {@code countedBy} says why a
 * report counted ({@code bounce-address}, {@code ledger}), null when it changed nothing.
 */
@Repository
class BounceRepository {

    record Bounce(long id, long inboundMailId, String recipient, String action, String status, String severity,
                  String diagnostic, String originalMessageId, String countedBy, Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    BounceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    byte[] rawReport(long inboundMailId) {
        return jdbc.sql("select raw from inbound_mail where id = :id")
                .param("id", inboundMailId)
                .query(byte[].class)
                .single();
    }

    /** True if the row is new: a redelivered report counts once. */
    boolean insert(long inboundMailId, String recipient, String action, String status, String severity,
                   String diagnostic, String originalMessageId, Long outgoingMailId, String countedBy) {
        return jdbc.sql("""
                        insert into bounce (inbound_mail_id, recipient, action, status, severity, diagnostic,
                                            original_message_id, outgoing_mail_id, counted_by)
                        values (:mailId, :recipient, :action, :status, :severity, :diagnostic, :originalMessageId,
                                :outgoingMailId, :countedBy)
                        on conflict (inbound_mail_id, recipient) do nothing
                        """)
                .param("mailId", inboundMailId)
                .param("recipient", recipient)
                .param("action", action)
                .param("status", status)
                .param("severity", severity)
                .param("diagnostic", diagnostic)
                .param("originalMessageId", originalMessageId)
                .param("outgoingMailId", outgoingMailId)
                .param("countedBy", countedBy)
                .update() > 0;
    }

    int softBouncesOf(long outgoingMailId) {
        return jdbc.sql("select count(*) from bounce where outgoing_mail_id = :id and severity = 'soft'")
                .param("id", outgoingMailId)
                .query(Integer.class)
                .single();
    }

    @Transactional(readOnly = true)
    List<Bounce> recent(int limit) {
        return jdbc.sql("""
                        select id, inbound_mail_id, recipient, action, status, severity, diagnostic,
                               original_message_id, counted_by, received_at
                        from bounce order by id desc limit :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Bounce(rs.getLong("id"), rs.getLong("inbound_mail_id"),
                        rs.getString("recipient"), rs.getString("action"), rs.getString("status"),
                        rs.getString("severity"), rs.getString("diagnostic"), rs.getString("original_message_id"),
                        rs.getString("counted_by"), instant(rs.getTimestamp("received_at"))))
                .list();
    }

    Optional<byte[]> reportOf(long bounceId) {
        return jdbc.sql("""
                        select m.raw from bounce b join inbound_mail m on m.id = b.inbound_mail_id where b.id = :id
                        """)
                .param("id", bounceId)
                .query(byte[].class)
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
