package org.relais.console.unverified;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.relais.console.MailText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What mail claimed without proving it: decisions awaiting their sender's confirmation, reports that counted not. */
@Repository
class UnverifiedRepository {

    private static final int LIMIT = 200;

    /**
     * A claimed decision: the mail ({@code reference}), whom it claims to come from, the request it answers, the
     * flow awaiting it, its state (pending, confirmed, denied, expired), whether the confirmation request went out.
     */
    record Claim(long id, String reference, String claimedSender, String requestReference, String flow,
                 String subject, String state, boolean asked, Instant receivedAt, Instant answeredAt) {
    }

    /** A delivery report that changed nothing: the report mail ({@code reference}) and what it said. */
    record UncountedReport(long id, String reference, String recipient, String severity, String status,
                           String originalMessageId, Instant receivedAt) {
    }

    private final JdbcClient jdbc;

    UnverifiedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Claim> claims() {
        return jdbc.sql("""
                        select c.id, m.reference, c.claimed_sender, c.request_reference, c.flow, m.subject, c.state,
                            c.confirmation_mail_id is not null as asked, c.created_at,
                            (select a.fetched_at from inbound_mail a where a.id = c.answer_mail_id) as answered_at
                        from unconfirmed_claim c join inbound_mail m on m.id = c.mail_id
                        order by c.id desc limit :limit
                        """)
                .param("limit", LIMIT)
                .query(UnverifiedRepository::claim)
                .list();
    }

    @Transactional(readOnly = true)
    List<UncountedReport> uncountedReports() {
        return jdbc.sql("""
                        select b.id, m.reference, b.recipient, b.severity, b.status, b.original_message_id,
                            b.received_at
                        from bounce b join inbound_mail m on m.id = b.inbound_mail_id
                        where b.counted_by is null
                        order by b.id desc limit :limit
                        """)
                .param("limit", LIMIT)
                .query((rs, row) -> new UncountedReport(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("recipient"), rs.getString("severity"), rs.getString("status"),
                        rs.getString("original_message_id"), instant(rs.getTimestamp("received_at"))))
                .list();
    }

    private static Claim claim(ResultSet rs, int row) throws SQLException {
        return new Claim(rs.getLong("id"), rs.getString("reference"), rs.getString("claimed_sender"),
                rs.getString("request_reference"), rs.getString("flow"), MailText.header(rs.getString("subject")),
                rs.getString("state"), rs.getBoolean("asked"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("answered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
