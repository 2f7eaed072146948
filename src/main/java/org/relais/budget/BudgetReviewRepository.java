package org.relais.budget;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BudgetReviewRepository {

    record Review(long budgetId, String reference, String state, long documentId, String seminarCode) {
    }

    record Tally(int approvals, int objections) {
    }

    private final JdbcClient jdbc;

    BudgetReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean open(long budgetId, String reference) {
        return jdbc.sql("""
                        insert into budget_review (budget_id, reference) values (:budgetId, :reference)
                        on conflict do nothing
                        """)
                .param("budgetId", budgetId).param("reference", reference).update() == 1;
    }

    Optional<Review> lock(long budgetId) {
        return jdbc.sql("""
                        select r.budget_id, r.reference, r.state, b.document_id, b.seminar_code
                        from budget_review r join budget b on b.id = r.budget_id
                        where r.budget_id = :budgetId for update of r
                        """)
                .param("budgetId", budgetId)
                .query((rs, row) -> new Review(rs.getLong("budget_id"), rs.getString("reference"),
                        rs.getString("state"), rs.getLong("document_id"), rs.getString("seminar_code")))
                .optional();
    }

    /** The reviews of a reference still open or objected to, oldest first. */
    List<Review> unsettled(String reference) {
        return jdbc.sql("""
                        select r.budget_id, r.reference, r.state, b.document_id, b.seminar_code
                        from budget_review r join budget b on b.id = r.budget_id
                        where r.reference = :reference and r.state in ('open', 'objected') order by r.budget_id
                        """)
                .param("reference", reference)
                .query((rs, row) -> new Review(rs.getLong("budget_id"), rs.getString("reference"),
                        rs.getString("state"), rs.getLong("document_id"), rs.getString("seminar_code")))
                .list();
    }

    /** Records a reviewer's answer once per reply mail; false when this mail was recorded before. */
    boolean recordDecision(long budgetId, String reviewer, String decision, String comment, long mailId) {
        return jdbc.sql("""
                        insert into review_decision (budget_id, reviewer, decision, comment, mail_id)
                        values (:budgetId, :reviewer, :decision, :comment, :mailId)
                        on conflict (mail_id) do nothing
                        """)
                .param("budgetId", budgetId).param("reviewer", reviewer).param("decision", decision)
                .param("comment", comment).param("mailId", mailId).update() == 1;
    }

    /** Each reviewer's latest approve/object answer counts: a reviewer may change their mind. */
    Tally tally(long budgetId) {
        return jdbc.sql("""
                        select count(*) filter (where decision = 'APPROVE') as approvals,
                               count(*) filter (where decision = 'OBJECT') as objections
                        from (select distinct on (reviewer) reviewer, decision from review_decision
                              where budget_id = :budgetId and decision <> 'COMMENT'
                              order by reviewer, decided_at desc, id desc) latest
                        """)
                .param("budgetId", budgetId)
                .query((rs, row) -> new Tally(rs.getInt("approvals"), rs.getInt("objections")))
                .single();
    }

    /** @param comment the deciding coordinator's, or null */
    void close(long budgetId, String state, String decidedBy, String comment) {
        jdbc.sql("""
                        update budget_review set state = :state, decided_at = now(), decided_by = :decidedBy,
                            decision_comment = :comment
                        where budget_id = :budgetId
                        """)
                .param("budgetId", budgetId).param("state", state).param("decidedBy", decidedBy)
                .param("comment", comment).update();
    }

    void markObjected(long budgetId) {
        jdbc.sql("update budget_review set state = 'objected' where budget_id = :budgetId and state = 'open'")
                .param("budgetId", budgetId).update();
    }

    /** Open reviews last asked (or reminded) before {@code before}, with the reviewers who have not answered. */
    List<Long> dueForReminder(Instant before) {
        return jdbc.sql("""
                        select budget_id from budget_review
                        where state = 'open' and coalesce(last_reminder_at, requested_at) < :before
                        order by budget_id
                        """)
                .param("before", java.sql.Timestamp.from(before))
                .query(Long.class).list();
    }

    List<String> reviewersWhoAnswered(long budgetId) {
        return jdbc.sql("select distinct reviewer from review_decision where budget_id = :budgetId")
                .param("budgetId", budgetId).query(String.class).list();
    }

    long mailOfDocument(long documentId) {
        return jdbc.sql("select mail_id from document where id = :id").param("id", documentId)
                .query(Long.class).single();
    }

    void reminded(long budgetId, Instant at) {
        jdbc.sql("update budget_review set last_reminder_at = :at where budget_id = :budgetId")
                .param("budgetId", budgetId).param("at", java.sql.Timestamp.from(at)).update();
    }
}
