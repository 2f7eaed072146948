package org.relais.distribution;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Replies to list mail already dealt with, so that a redelivered reply is not applied or answered twice. */
@Repository
class ListReplyRepository {

    record Handled(String command, Long outgoingMailId) {
    }

    private final JdbcClient jdbc;

    ListReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Handled> handled(long mailId) {
        return jdbc.sql("select command, outgoing_mail_id from list_reply where mail_id = :mailId for update")
                .param("mailId", mailId)
                .query((rs, row) -> new Handled(rs.getString("command"),
                        rs.getObject("outgoing_mail_id") == null ? null : rs.getLong("outgoing_mail_id")))
                .optional();
    }

    void record(long mailId, String sender, String command, Long outgoingMailId) {
        jdbc.sql("""
                        insert into list_reply (mail_id, sender, command, outgoing_mail_id)
                        values (:mailId, :sender, :command, :outgoingMailId)
                        """)
                .param("mailId", mailId)
                .param("sender", sender)
                .param("command", command)
                .param("outgoingMailId", outgoingMailId)
                .update();
    }
}
