package org.relais.console.board;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the intake and budget tables say about each seminar: its forecast budget (received, then valid, invalid or
 * unreadable by the latest check), its minutes per language, its financial report and supporting documents.
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
        facts.addAll(forecasts());
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

    /** The newest check of each seminar's forecast wins; a forecast not yet checked is "received". */
    private List<SeminarFact> forecasts() {
        return jdbc.sql("""
                        select distinct on (d.seminar_code) d.seminar_code, d.reference, d.created_at,
                               b.verdict, b.version, b.checked_at
                        from document d left join budget b on b.document_id = d.id
                        where d.kind = 'budget_forecast' and d.seminar_code is not null
                        order by d.seminar_code, coalesce(b.checked_at, d.created_at) desc, d.id desc
                        """)
                .query((rs, row) -> {
                    String verdict = rs.getString("verdict");
                    String state = verdict == null ? "received" : switch (verdict) {
                        case "accepted" -> "valid";
                        case "rejected" -> "invalid";
                        default -> "unreadable";
                    };
                    String detail = rs.getString("reference") + (verdict == null ? "" : " v" + rs.getInt("version"));
                    return new SeminarFact(rs.getString("seminar_code"), "forecast", null, state, detail,
                            (verdict == null ? rs.getTimestamp("created_at") : rs.getTimestamp("checked_at"))
                                    .toInstant());
                })
                .list();
    }
}
