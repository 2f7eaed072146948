package org.relais.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutgoingMailRepository {

    record Unsent(long id, String recipient, byte[] raw) {
    }

    private final JdbcClient jdbc;

    OutgoingMailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String purpose, Long inboundMailId, String recipient, String language, String subject,
                String messageId, byte[] raw) {
        return jdbc.sql("""
                        insert into outgoing_mail (purpose, mail_id, recipient, language, subject, message_id, raw)
                        values (:purpose, :mailId, :recipient, :language, :subject, :messageId, :raw)
                        returning id
                        """)
                .param("purpose", purpose)
                .param("mailId", inboundMailId)
                .param("recipient", recipient)
                .param("language", language)
                .param("subject", subject)
                .param("messageId", messageId)
                .param("raw", raw)
                .query(Long.class)
                .single();
    }

    int countSince(String recipient, Duration window) {
        return jdbc.sql("""
                        select count(*) from outgoing_mail
                        where recipient = :recipient and created_at > now() - make_interval(secs => :seconds)
                        """)
                .param("recipient", recipient)
                .param("seconds", window.toSeconds())
                .query(Integer.class)
                .single();
    }

    Optional<Unsent> unsent(long id) {
        return jdbc.sql("select id, recipient, raw from outgoing_mail where id = :id and sent_at is null for update")
                .param("id", id)
                .query((rs, row) -> new Unsent(rs.getLong("id"), rs.getString("recipient"), rs.getBytes("raw")))
                .optional();
    }

    void markSent(long id) {
        jdbc.sql("update outgoing_mail set sent_at = now(), attempts = attempts + 1, last_error = null where id = :id")
                .param("id", id)
                .update();
    }

    void recordFailedAttempt(long id, String error) {
        jdbc.sql("update outgoing_mail set attempts = attempts + 1, last_error = :error where id = :id")
                .param("id", id)
                .param("error", error == null ? null : error.replace("\0", ""))
                .update();
    }

    /** Unsent mails older than {@code age} that have not yet failed {@code maxAttempts} times. */
    List<Long> unsentSince(Duration age, int maxAttempts) {
        return jdbc.sql("""
                        select id from outgoing_mail
                        where sent_at is null and attempts < :maxAttempts
                          and created_at < now() - make_interval(secs => :seconds)
                        order by id limit 1000
                        """)
                .param("seconds", age.toSeconds())
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
