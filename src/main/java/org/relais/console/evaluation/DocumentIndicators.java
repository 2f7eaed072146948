package org.relais.console.evaluation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators the database already holds per seminar: minutes and attendance sheets received (diagnosis and
 * participation), themes planned in the programme (questions covered), forecast versions checked, and mails the
 * hub sent about the seminar's documents (communication).
 */
@Component
@Transactional(readOnly = true)
class DocumentIndicators implements IndicatorSource {

    static final List<String> KEYS = List.of("minutes", "attendance-sheets", "themes-planned", "budget-versions",
            "report-documents", "mails-sent");

    private final JdbcClient jdbc;

    DocumentIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> indicators() {
        return jdbc.sql("""
                        select s.code, x.key, x.value
                        from seminar s
                        cross join lateral (values
                            ('minutes', (select count(*) from document d
                                         where d.seminar_code = s.code and d.kind = 'minutes')),
                            ('attendance-sheets', (select count(*) from document d
                                                   where d.seminar_code = s.code and d.kind = 'attendance')),
                            ('themes-planned', cast(cardinality(s.themes) as bigint)),
                            ('budget-versions', (select count(*) from budget b where b.seminar_code = s.code)),
                            ('report-documents', (select count(*) from document d where d.seminar_code = s.code
                                                  and d.kind in ('financial_report', 'supporting_document'))),
                            ('mails-sent', (select count(*) from outgoing_mail o join inbound_mail m on m.id = o.mail_id
                                            where m.seminar_code = s.code and o.sent_at is not null))
                        ) as x(key, value)
                        order by s.number
                        """)
                .query((rs, row) -> new Indicator(rs.getString("code"), rs.getString("key"), rs.getLong("value")))
                .list();
    }
}
