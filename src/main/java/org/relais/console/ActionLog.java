package org.relais.console;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every action taken from the console, who took it, on what, and how it ended: the coordinators' own trail. */
@Repository
public class ActionLog {

    public record Action(long id, Instant at, String actor, String action, String target, String outcome,
                         String detail) {
    }

    private final JdbcClient jdbc;

    ActionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code action} names what was done (route.suspend, dead-letter.retry…); {@code outcome} is done or failed. */
    public void record(String action, String target, String outcome, String detail) {
        jdbc.sql("""
                        insert into console_action (actor, action, target, outcome, detail)
                        values (:actor, :action, :target, :outcome, :detail)
                        """)
                .param("actor", Actor.current())
                .param("action", action)
                .param("target", target)
                .param("outcome", outcome)
                .param("detail", detail == null ? null : detail.replace("\0", ""))
                .update();
    }

    /** The newest actions whose name starts with {@code actionPrefix} ("" for all). */
    @Transactional(readOnly = true)
    public List<Action> recent(String actionPrefix, int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target, outcome, detail from console_action
                        where action like :prefix || '%' order by id desc limit :limit
                        """)
                .param("prefix", actionPrefix)
                .param("limit", limit)
                .query((rs, row) -> new Action(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("outcome"), rs.getString("detail")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<Action> about(String target) {
        return jdbc.sql("""
                        select id, at, actor, action, target, outcome, detail from console_action
                        where target = :target order by id
                        """)
                .param("target", target)
                .query((rs, row) -> new Action(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("outcome"), rs.getString("detail")))
                .list();
    }
}
