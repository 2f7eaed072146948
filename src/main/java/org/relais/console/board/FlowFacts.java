package org.relais.console.board;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the minutes and distribution flows say about each seminar: each language's version of its minutes (sent,
 * translated, or still awaited from a translator) and each distribution with its mails delivered out of those due.
 */
@Component
@Transactional(readOnly = true)
class FlowFacts implements SeminarFactSource {

    private final JdbcClient jdbc;

    FlowFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SeminarFact> facts() {
        List<SeminarFact> facts = new ArrayList<>();
        facts.addAll(jdbc.sql("""
                        select m.seminar_code, v.language, v.origin, v.reference, v.added_at
                        from minutes_version v join minutes m on m.reference = v.reference
                        where m.seminar_code is not null and m.kind = 'minutes' order by m.seminar_code, v.language
                        """)
                .query((rs, row) -> new SeminarFact(rs.getString("seminar_code"), "translations",
                        rs.getString("language"), rs.getString("origin").equals("sender") ? "received" : "translated",
                        rs.getString("reference"), instant(rs.getTimestamp("added_at"))))
                .list());
        facts.addAll(jdbc.sql("""
                        select m.seminar_code, j.target_language, j.reference, j.created_at
                        from translation_job j join minutes m on m.reference = j.reference
                        where m.seminar_code is not null and m.kind = 'minutes' and j.state <> 'done'
                        order by m.seminar_code, j.target_language
                        """)
                .query((rs, row) -> new SeminarFact(rs.getString("seminar_code"), "translations",
                        rs.getString("target_language"), "pending", rs.getString("reference"),
                        instant(rs.getTimestamp("created_at"))))
                .list());
        facts.addAll(jdbc.sql("""
                        select d.seminar_code, d.kind, array_to_string(d.audiences, ', ') as audiences,
                               count(de.id) as due, count(o.sent_at) as sent, max(o.sent_at) as last
                        from distribution d left join delivery de on de.distribution_id = d.id
                            left join outgoing_mail o on o.id = de.outgoing_mail_id
                        where d.seminar_code is not null
                        group by d.id order by d.seminar_code, d.kind
                        """)
                .query((rs, row) -> {
                    long due = rs.getLong("due");
                    long sent = rs.getLong("sent");
                    return new SeminarFact(rs.getString("seminar_code"), "distribution", rs.getString("kind"),
                            due > 0 && sent == due ? "delivered" : "pending",
                            sent + "/" + due + " — " + rs.getString("audiences"), instant(rs.getTimestamp("last")));
                })
                .list());
        return facts;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
