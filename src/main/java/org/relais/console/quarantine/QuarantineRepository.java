package org.relais.console.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.relais.console.MailText;
import org.relais.intake.QuarantineReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mails kept in quarantine: their sender is not in the directory, or the mail server did not authenticate it. */
@Repository
class QuarantineRepository {

    record QuarantinedMail(long id, String sender, String subject, Instant fetchedAt, int sizeBytes, String state,
                           QuarantineReason reason, byte[] raw) {
    }

    private final JdbcClient jdbc;

    QuarantineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuarantinedMail> quarantined() {
        return jdbc.sql("""
                        select id, sender, subject, fetched_at, size_bytes, state, problem, null::bytea as raw
                        from inbound_mail where state = 'quarantined' order by id desc
                        """)
                .query((rs, row) -> mail(rs))
                .list();
    }

    Optional<QuarantinedMail> find(long id) {
        return jdbc.sql("""
                        select id, sender, subject, fetched_at, size_bytes, state, problem, raw
                        from inbound_mail where id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> mail(rs))
                .optional();
    }

    /**
     * Back to 'received' for intake to process again, with who released it: that coordinator vouches for the sender.
     * A mail already 'received' (released before, its ticket lost) counts too, so that a release can be repeated.
     */
    boolean markReceived(long id, String releasedBy) {
        return jdbc.sql("""
                        update inbound_mail set state = 'received', problem = null, processed_at = null,
                            released_by = :releasedBy
                        where id = :id and state in ('quarantined', 'received')
                        """)
                .param("id", id).param("releasedBy", releasedBy).update() == 1;
    }

    boolean markDiscarded(long id) {
        return jdbc.sql("update inbound_mail set state = 'discarded', processed_at = now() where id = :id and state = 'quarantined'")
                .param("id", id).update() == 1;
    }

    List<String> organisations() {
        return jdbc.sql("select code from organisation order by code").query(String.class).list();
    }

    private static QuarantinedMail mail(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QuarantinedMail(rs.getLong("id"), rs.getString("sender"), MailText.header(rs.getString("subject")),
                rs.getTimestamp("fetched_at").toInstant(), rs.getInt("size_bytes"), rs.getString("state"),
                QuarantineReason.of(rs.getString("problem")), rs.getBytes("raw"));
    }
}
