package org.relais.console.alarms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alarms as PostgreSQL holds them. At most one alarm of a kind is active (a partial unique index): when two hub
 * instances see the same trouble, only the one whose insert wins mails the coordinators.
 */
@Repository
public class Alarms {

    private static final String SEPARATOR = "|";
    private static final String COLUMNS =
            "select id, kind, raised_at, detail, cleared_at, outgoing_mail_id from console_alarm";

    private final JdbcClient jdbc;

    Alarms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Alarm> active() {
        return jdbc.sql(COLUMNS + " where cleared_at is null order by raised_at").query(Alarms::alarm).list();
    }

    @Transactional(readOnly = true)
    public List<Alarm> recent(int limit) {
        return jdbc.sql(COLUMNS + " order by id desc limit :limit").param("limit", limit).query(Alarms::alarm)
                .list();
    }

    /** The new alarm, or empty when an alarm of this kind is already active. */
    Optional<Alarm> raise(String kind, List<String> arguments) {
        return jdbc.sql("""
                        insert into console_alarm (kind, detail) values (:kind, :detail)
                        on conflict (kind) where cleared_at is null do nothing
                        returning id, kind, raised_at, detail, cleared_at, outgoing_mail_id
                        """)
                .param("kind", kind)
                .param("detail", String.join(SEPARATOR, arguments))
                .query(Alarms::alarm)
                .optional();
    }

    void mailed(long alarmId, long outgoingMailId) {
        jdbc.sql("update console_alarm set outgoing_mail_id = :mail where id = :id")
                .param("id", alarmId).param("mail", outgoingMailId).update();
    }

    /** Whether an active alarm of this kind was cleared. */
    boolean clear(String kind) {
        return jdbc.sql("update console_alarm set cleared_at = now() where kind = :kind and cleared_at is null")
                .param("kind", kind).update() > 0;
    }

    private static Alarm alarm(ResultSet rs, int row) throws SQLException {
        return new Alarm(rs.getLong("id"), rs.getString("kind"), rs.getTimestamp("raised_at").toInstant(),
                Arrays.asList(rs.getString("detail").split("\\" + SEPARATOR, -1)),
                rs.getTimestamp("cleared_at") == null ? null : rs.getTimestamp("cleared_at").toInstant(),
                rs.getObject("outgoing_mail_id", Long.class));
    }
}
