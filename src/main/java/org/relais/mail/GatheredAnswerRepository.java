package org.relais.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Answers waiting to go in a summary (table gathered_answer). */
@Repository
class GatheredAnswerRepository {

    /** A waiting answer; {@code due} when its time has come. */
    record Pending(long id, String recipient, String recipientName, String language, String purpose, Long mailId,
                   String subject, String reference, List<String> lines, String messageId, boolean held,
                   String releasedBy, boolean due) {
    }

    /** Where a summary goes. */
    record Destination(String recipient, String summary) {
    }

    private static final String LINE_BREAK = "\n";

    private final JdbcClient jdbc;

    GatheredAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether answers to the recipient are being gathered for this summary (gathered, not yet sent). */
    boolean gathering(String recipient, String summary) {
        return jdbc.sql("""
                        select exists (select 1 from gathered_answer
                                       where recipient = :recipient and summary = :summary and not held
                                         and outgoing_mail_id is null)
                        """)
                .param("recipient", recipient)
                .param("summary", summary)
                .query(Boolean.class)
                .single();
    }

    private static final String INSERT = """
            insert into gathered_answer (recipient, recipient_name, language, summary, purpose, mail_id, subject,
                                         reference, lines, message_id, held, due_at)
            values (:recipient, :recipientName, :language, :summary, :purpose, :mailId, :subject, :reference, :lines,
                    :messageId, :held, """;
    /** Due with the answers already gathered for the recipient, or in :dueIn seconds if there are none. */
    private static final String GATHER = INSERT + """
            coalesce((select min(due_at) from gathered_answer
                      where recipient = :recipient and summary = :summary and not held and outgoing_mail_id is null),
                     now() + make_interval(secs => cast(:dueIn as double precision))))
            on conflict (mail_id, purpose) do nothing
            """;
    /** Due in :dueIn seconds, or never on its own when :dueIn is null (make_interval of null is null). */
    private static final String HOLD = INSERT + """
            now() + make_interval(secs => cast(:dueIn as double precision)))
            on conflict (mail_id, purpose) do nothing
            """;

    /** Joins the answers being gathered for the recipient (due with them), or starts a gathering due in {@code delay}. */
    void gather(Answer answer, Duration delay) {
        insert(GATHER, answer, false, delay);
    }

    /** Held back from a robot: due in {@code dueIn} (when the hour turns), or, when null, waits for a coordinator. */
    void hold(Answer answer, Duration dueIn) {
        insert(HOLD, answer, true, dueIn);
    }

    private void insert(String statement, Answer answer, boolean held, Duration dueIn) {
        jdbc.sql(statement)
                .param("recipient", answer.recipient())
                .param("recipientName", answer.recipientName())
                .param("language", answer.language())
                .param("summary", answer.summary())
                .param("purpose", answer.purpose())
                .param("mailId", answer.mailId())
                .param("subject", answer.subject())
                .param("reference", answer.reference())
                .param("lines", String.join(LINE_BREAK, answer.lines()))
                .param("messageId", answer.messageId())
                .param("held", held)
                .param("dueIn", dueIn == null ? null : dueIn.toMillis() / 1000.0)
                .update();
    }

    /** Recipients with at least one answer due now. */
    List<Destination> due() {
        return jdbc.sql("""
                        select distinct recipient, summary from gathered_answer
                        where outgoing_mail_id is null and due_at <= now()
                        """)
                .query((rs, row) -> new Destination(rs.getString("recipient"), rs.getString("summary")))
                .list();
    }

    /**
     * Everything on its way to the recipient in this summary (due now or later, not waiting for a coordinator),
     * locked until the transaction ends; rows another instance is sending are skipped.
     */
    List<Pending> lockOnTheirWay(Destination destination) {
        return jdbc.sql("""
                        select id, recipient, recipient_name, language, purpose, mail_id, subject, reference, lines,
                               message_id, held, released_by, due_at <= now() as due
                        from gathered_answer
                        where recipient = :recipient and summary = :summary and outgoing_mail_id is null
                          and due_at is not null
                        order by id for update skip locked
                        """)
                .param("recipient", destination.recipient())
                .param("summary", destination.summary())
                .query(GatheredAnswerRepository::pending)
                .list();
    }

    void carriedBy(List<Long> ids, long outgoingMailId) {
        jdbc.sql("update gathered_answer set outgoing_mail_id = :outgoing where id in (:ids)")
                .param("outgoing", outgoingMailId)
                .param("ids", ids)
                .update();
    }

    /** Answers held back from robots and not sent yet, oldest first. */
    List<GatheredAnswers.Held> held() {
        return jdbc.sql("""
                        select id, recipient, purpose, mail_id, subject, reference, gathered_at, due_at
                        from gathered_answer where held and outgoing_mail_id is null order by id
                        """)
                .query((rs, row) -> new GatheredAnswers.Held(rs.getLong("id"), rs.getString("recipient"),
                        rs.getString("purpose"), rs.getObject("mail_id", Long.class), rs.getString("subject"),
                        rs.getString("reference"), rs.getTimestamp("gathered_at").toInstant(),
                        instant(rs, "due_at")))
                .list();
    }

    /** Makes the recipient's held answers due now, named as sent by {@code by}; returns how many. */
    int release(String recipient, String by) {
        return jdbc.sql("""
                        update gathered_answer set due_at = now(), released_by = :by
                        where recipient = :recipient and held and outgoing_mail_id is null
                        """)
                .param("recipient", recipient)
                .param("by", by)
                .update();
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getString("recipient"), rs.getString("recipient_name"),
                rs.getString("language"), rs.getString("purpose"), rs.getObject("mail_id", Long.class),
                rs.getString("subject"), rs.getString("reference"),
                List.of(rs.getString("lines").split(LINE_BREAK, -1)), rs.getString("message_id"),
                rs.getBoolean("held"), rs.getString("released_by"), rs.getBoolean("due"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column) == null ? null : rs.getTimestamp(column).toInstant();
    }
}
