package org.relais.console.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The budget check of each budget document: verdict, version among the seminar's, issues, supersession. */
@Component
@Order(2)
@Transactional(readOnly = true)
class BudgetTrail implements TrailSource {

    private record Check(Instant at, String verdict, int version, String seminar, String unreadableReason,
                         int issues, Instant supersededAt, String supersededBy) {
    }

    private final JdbcClient jdbc;

    BudgetTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TrailStep> steps(TrailSubject subject) {
        if (subject.documentIds().isEmpty()) {
            return List.of();
        }
        List<Check> checks = jdbc.sql("""
                        select b.checked_at, b.verdict, b.version, b.seminar_code, b.unreadable_reason,
                               (select count(*) from budget_issue i where i.budget_id = b.id) as issues,
                               s.checked_at as superseded_at, s.reference as superseded_by
                        from budget b left join budget s on s.id = b.superseded_by
                        where b.document_id in (:ids) order by b.id
                        """)
                .param("ids", subject.documentIds())
                .query((rs, row) -> new Check(rs.getTimestamp("checked_at").toInstant(), rs.getString("verdict"),
                        rs.getInt("version"), rs.getString("seminar_code"), rs.getString("unreadable_reason"),
                        rs.getInt("issues"), DocumentRepository.instant(rs.getTimestamp("superseded_at")),
                        rs.getString("superseded_by")))
                .list();
        List<TrailStep> steps = new ArrayList<>();
        for (Check check : checks) {
            String outcome = switch (check.verdict()) {
                case "accepted" -> "ok";
                case "rejected" -> "warning";
                default -> "failed";
            };
            steps.add(new TrailStep(check.at(), "budget-" + check.verdict(), outcome,
                    "v" + check.version() + " · " + check.seminar() + " · " + check.issues(),
                    check.unreadableReason(), null));
            if (check.supersededAt() != null) {
                steps.add(TrailStep.ok(check.supersededAt(), "budget-superseded", check.supersededBy()));
            }
        }
        steps.addAll(review(subject));
        return steps;
    }

    /** The follow-up group's review of an accepted forecast: requested, each member's answer, the decision. */
    private List<TrailStep> review(TrailSubject subject) {
        List<TrailStep> steps = new ArrayList<>();
        jdbc.sql("""
                        select r.requested_at, r.state, r.decided_at, r.decided_by
                        from budget_review r join budget b on b.id = r.budget_id where b.document_id in (:ids)
                        """)
                .param("ids", subject.documentIds())
                .query((rs, row) -> {
                    steps.add(new TrailStep(rs.getTimestamp("requested_at").toInstant(), "review-requested",
                            "ok", null, null, null));
                    if (rs.getTimestamp("decided_at") != null) {
                        steps.add(new TrailStep(rs.getTimestamp("decided_at").toInstant(),
                                "review-" + rs.getString("state"),
                                rs.getString("state").equals("approved") ? "ok" : "warning",
                                rs.getString("decided_by"), null, null));
                    }
                    return row;
                })
                .list();
        jdbc.sql("""
                        select v.decided_at, v.reviewer, v.decision, v.comment
                        from review_decision v join budget b on b.id = v.budget_id where b.document_id in (:ids)
                        order by v.id
                        """)
                .param("ids", subject.documentIds())
                .query((rs, row) -> steps.add(new TrailStep(rs.getTimestamp("decided_at").toInstant(),
                        "review-answer", rs.getString("decision").equals("APPROVE") ? "ok" : "warning",
                        rs.getString("reviewer") + " — " + rs.getString("decision"), null, rs.getString("comment"))))
                .list();
        return steps;
    }
}
