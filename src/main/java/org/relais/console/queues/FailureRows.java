package org.relais.console.queues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code failure} rows: messages that exhausted their retries, and what a coordinator did with them. */
@Repository
class FailureRows {

    record Failure(long id, Instant occurredAt, String routeId, String originQueue, String body, String error,
                   String detail, String state, Instant resolvedAt, String resolvedBy) {
    }

    private static final String COLUMNS = """
            select id, occurred_at, route_id, origin_queue, body, error, detail, state, resolved_at, resolved_by
            from failure
            """;

    private final JdbcClient jdbc;

    FailureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Failure> dead() {
        return jdbc.sql(COLUMNS + " where state = 'dead' order by id desc").query(FailureRows::failure).list();
    }

    List<Failure> recentlyResolved(int limit) {
        return jdbc.sql(COLUMNS + " where state <> 'dead' order by resolved_at desc, id desc limit :limit")
                .param("limit", limit).query(FailureRows::failure).list();
    }

    /** The failure, locked so that two coordinators cannot retry it together. */
    Optional<Failure> lock(long id) {
        return jdbc.sql(COLUMNS + " where id = :id for update").param("id", id).query(FailureRows::failure)
                .optional();
    }

    void resolve(long id, String state, String actor) {
        jdbc.sql("update failure set state = :state, resolved_at = now(), resolved_by = :actor where id = :id")
                .param("id", id).param("state", state).param("actor", actor).update();
    }

    private static Failure failure(ResultSet rs, int row) throws SQLException {
        return new Failure(rs.getLong("id"), instant(rs.getTimestamp("occurred_at")), rs.getString("route_id"),
                rs.getString("origin_queue"), rs.getString("body"), rs.getString("error"), rs.getString("detail"),
                rs.getString("state"), instant(rs.getTimestamp("resolved_at")), rs.getString("resolved_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
