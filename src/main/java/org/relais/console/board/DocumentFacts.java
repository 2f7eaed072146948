package org.relais.console.board;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the intake and budget tables say about each seminar: its forecast budget and financial report (received,
 * checked, reviewed), its minutes per language, its supporting documents.
 */
@Component
@Transactional(readOnly = true)
class DocumentFacts implements SeminarFactSource {

    private final JdbcClient jdbc;

    DocumentFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SeminarFact> facts() {
        List<SeminarFact> facts = new ArrayList<>();
        facts.addAll(budgets("budget_forecast", "forecast"));
        facts.addAll(budgets("financial_report", "report"));
        facts.addAll(jdbc.sql("""
                        select seminar_code, language, count(*) as documents, max(created_at) as last
                        from document where kind = 'minutes' and seminar_code is not null
                        group by seminar_code, language order by seminar_code, language
                        """)
                .query((rs, row) -> new SeminarFact(rs.getString("seminar_code"), "minutes",
                        rs.getString("language"), "received", String.valueOf(rs.getInt("documents")),
                        rs.getTimestamp("last").toInstant()))
                .list());
        facts.addAll(jdbc.sql("""
                        select seminar_code, kind, count(*) as documents, max(created_at) as last
                        from document where kind in ('financial_report', 'supporting_document')
                            and seminar_code is not null
                        group by seminar_code, kind order by seminar_code, kind
                        """)
                .query((rs, row) -> new SeminarFact(rs.getString("seminar_code"), "report", rs.getString("kind"),
                        "received", String.valueOf(rs.getInt("documents")), rs.getTimestamp("last").toInstant()))
                .list());
        return facts;
    }

    /**
     * The newest forecast (or financial report) of each seminar: received until checked, then valid, invalid or
     * unreadable by the check, then in review, approved or objected by the follow-up group.
     */
    private List<SeminarFact> budgets(String kind, String column) {
        return jdbc.sql("""
                        select distinct on (d.seminar_code) d.seminar_code, d.reference, d.created_at,
                               b.verdict, b.version, b.checked_at, r.state as review, r.decided_at
                        from document d left join budget b on b.document_id = d.id
                            left join budget_review r on r.budget_id = b.id
                        where d.kind = :kind and d.seminar_code is not null
                        order by d.seminar_code, coalesce(b.checked_at, d.created_at) desc, d.id desc
                        """)
                .param("kind", kind)
                .query((rs, row) -> {
                    String verdict = rs.getString("verdict");
                    String review = rs.getString("review");
                    String state = review != null ? (review.equals("open") ? "in-review" : review)
                            : verdict == null ? "received" : switch (verdict) {
                                case "accepted" -> "valid";
                                case "rejected" -> "invalid";
                                default -> "unreadable";
                            };
                    String detail = rs.getString("reference") + (verdict == null ? "" : " v" + rs.getInt("version"));
                    var at = rs.getTimestamp("decided_at") != null ? rs.getTimestamp("decided_at")
                            : verdict == null ? rs.getTimestamp("created_at") : rs.getTimestamp("checked_at");
                    return new SeminarFact(rs.getString("seminar_code"), column, null, state, detail,
                            at.toInstant());
                })
                .list();
    }
}
