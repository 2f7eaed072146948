package org.relais.console.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation's "minutes translated" and "communication plan kept" figures: the languages each seminar's minutes
 * exist in, and the distribution mails delivered about it.
 */
@Component
@Transactional(readOnly = true)
class FlowIndicators implements IndicatorSource {

    private final JdbcClient jdbc;

    FlowIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> indicators() {
        List<Indicator> indicators = new ArrayList<>(jdbc.sql("""
                        select m.seminar_code, count(distinct v.language) as languages
                        from minutes m join minutes_version v on v.reference = m.reference
                        where m.seminar_code is not null and m.kind = 'minutes' group by m.seminar_code
                        """)
                .query((rs, row) -> new Indicator(rs.getString("seminar_code"), "minutes-languages",
                        rs.getLong("languages")))
                .list());
        indicators.addAll(jdbc.sql("""
                        select d.seminar_code, count(o.sent_at) as sent
                        from distribution d join delivery de on de.distribution_id = d.id
                            join outgoing_mail o on o.id = de.outgoing_mail_id
                        where d.seminar_code is not null group by d.seminar_code
                        """)
                .query((rs, row) -> new Indicator(rs.getString("seminar_code"), "distributed-mails",
                        rs.getLong("sent")))
                .list());
        return indicators;
    }
}
