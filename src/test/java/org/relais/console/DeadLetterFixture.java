package org.relais.console;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * Makes a dead letter the way production does: an intake ticket for a mail that is not (yet) stored fails its
 * retries and is moved to the DLQ with its failure recorded. Storing the mail afterwards lets a retry succeed.
 */
final class DeadLetterFixture {

    private final JdbcClient jdbc;
    private final JmsTemplate jms;

    DeadLetterFixture(JdbcClient jdbc, JmsTemplate jms) {
        this.jdbc = jdbc;
        this.jms = jms;
    }

    /** A mail id the database will not hand out to another mail. */
    long reserveMailId() {
        return jdbc.sql("select nextval('inbound_mail_id_seq')").query(Long.class).single();
    }

    /** The id of the failure recorded for a ticket of {@code mailId} that found no mail. */
    long deadTicket(long mailId) {
        jms.convertAndSend("intake.mail", "{\"mailId\":" + mailId + "}");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        select count(*) from failure where body = :body""")
                .param("body", "{\"mailId\":" + mailId + "}").query(Integer.class).single() == 1);
        long failureId = jdbc.sql("select id from failure where body = :body")
                .param("body", "{\"mailId\":" + mailId + "}").query(Long.class).single();
        // the failure is recorded just before the message is moved: wait until it is on the DLQ
        await().atMost(Duration.ofSeconds(10)).until(() -> jms.browseSelected("DLQ", "relaisFailureId = " + failureId,
                (session, browser) -> browser.getEnumeration().hasMoreElements()));
        return failureId;
    }

    /** The mail arrives late: stored under the reserved id, waiting to be processed. */
    void storeMail(long mailId, String sender, String subject, byte[] raw) {
        jdbc.sql("""
                        insert into inbound_mail (id, dedup_key, message_id, sender, subject, raw, size_bytes)
                        values (:id, :key, null, :sender, :subject, :raw, :size)
                        """)
                .param("id", mailId).param("key", "console-test-" + mailId).param("sender", sender)
                .param("subject", subject).param("raw", raw).param("size", raw.length)
                .update();
    }
}
