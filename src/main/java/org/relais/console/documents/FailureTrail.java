package org.relais.console.documents;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages about this reference that exhausted their retries (the claim check of its mail, of its documents, or of
 * its answers), and what a coordinator did with them.
 */
@Component
@Order(3)
@Transactional(readOnly = true)
class FailureTrail implements TrailSource {

    private final JdbcClient jdbc;

    FailureTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TrailStep> steps(TrailSubject subject) {
        List<TrailStep> steps = new ArrayList<>();
        jdbc.sql("""
                        select f.id, f.occurred_at, f.route_id, f.origin_queue, f.error, f.state, f.resolved_at,
                               f.resolved_by
                        from failure f
                        where f.body ~ ('"mailId":' || :mailId || '[,}]')
                           or f.body ~ ('"documentId":(' || :documentIds || ')[,}]')
                           or exists (select 1 from outgoing_mail o where o.mail_id = :mailId
                                      and f.body ~ ('"outgoingMailId":' || o.id || '[,}]'))
                        order by f.id
                        """)
                .param("mailId", subject.mailId())
                .param("documentIds", subject.documentIds().isEmpty() ? "-1"
                        : String.join("|", subject.documentIds().stream().map(String::valueOf).toList()))
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    steps.add(new TrailStep(rs.getTimestamp("occurred_at").toInstant(), "failure",
                            "failed", "#" + id + " " + rs.getString("route_id") + " ← " + rs.getString("origin_queue"),
                            rs.getString("error"), null));
                    if (rs.getTimestamp("resolved_at") != null) {
                        steps.add(new TrailStep(rs.getTimestamp("resolved_at").toInstant(),
                                "failure-" + rs.getString("state"), "ok",
                                "#" + id + " — " + rs.getString("resolved_by"), null, null));
                    }
                    return id;
                })
                .list();
        return steps;
    }
}
