package org.relais.console.evaluation;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participation, from the participants the attendance flow read off the sheets: how many took part, how many
 * elected officials, how many NGO representatives (the seminar report's "was participation strong and active?").
 */
@Component
@Transactional(readOnly = true)
class AttendanceIndicators implements IndicatorSource {

    private final JdbcClient jdbc;

    AttendanceIndicators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Indicator> indicators() {
        return jdbc.sql("""
                        select s.code, x.key, x.value
                        from seminar s
                        cross join lateral (
                            select count(*) as participants,
                                   count(*) filter (where p.category = 'elected') as elected,
                                   count(*) filter (where p.category = 'ngo') as ngos
                            from participant p join attendance_sheet a on a.document_id = p.document_id
                            where a.seminar_code = s.code) c
                        cross join lateral (values ('participants', c.participants),
                                                   ('elected-officials', c.elected),
                                                   ('ngo-representatives', c.ngos)) as x(key, value)
                        order by s.number
                        """)
                .query((rs, row) -> new Indicator(rs.getString("code"), rs.getString("key"), rs.getLong("value")))
                .list();
    }
}
