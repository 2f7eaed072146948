package org.relais.console.documents;

import java.time.Instant;
import java.util.List;
import org.relais.console.MailText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails Relais wrote about a reference's mail (answers, verdicts, notices, the summary that carried its answer
 * when it was gathered with others) and whether they left.
 */
@Component
@Transactional(readOnly = true)
class Deliveries {

    record Delivery(long id, String purpose, String recipient, String language, String subject, Instant createdAt,
                    Instant sentAt, int attempts, String lastError, String text) {

        public String state() {
            if (sentAt != null) {
                return "sent";
            }
            return lastError == null ? "pending" : "failing";
        }
    }

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Delivery> ofMail(long mailId) {
        return jdbc.sql("""
                        select id, purpose, recipient, language, subject, created_at, sent_at, attempts, last_error, raw
                        from outgoing_mail
                        where mail_id = :mailId
                           or id in (select outgoing_mail_id from gathered_answer where mail_id = :mailId)
                        order by id
                        """)
                .param("mailId", mailId)
                .query((rs, row) -> new Delivery(rs.getLong("id"), rs.getString("purpose"),
                        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"),
                        DocumentRepository.instant(rs.getTimestamp("created_at")),
                        DocumentRepository.instant(rs.getTimestamp("sent_at")), rs.getInt("attempts"),
                        rs.getString("last_error"), MailText.of(rs.getBytes("raw"))))
                .list();
    }
}
