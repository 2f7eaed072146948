package org.relais.intake;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Claimed decisions that were not bound to their request, until the person confirms or denies them. */
@Repository
class ClaimRepository {

    /** A pending claim, with what its mail said, to hand to the awaiting flow once confirmed. */
    record Pending(long id, long mailId, String reference, String requestReference, String sender, String language,
                   String flow, String context, String subject, Long bodyPartId, List<Long> attachmentIds) {
    }

    private final JdbcClient jdbc;

    ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long mailId, String sender, String requestReference, AwaitedReplies.Awaiting awaiting,
                Long bodyPartId, List<Long> attachmentIds, Long confirmationMailId) {
        jdbc.sql("""
                        insert into unconfirmed_claim (mail_id, claimed_sender, request_reference, flow, context,
                            body_part_id, attachment_ids, confirmation_mail_id)
                        values (:mailId, :sender, :request, :flow, :context, :bodyPartId,
                            cast(string_to_array(:attachmentIds, ',') as bigint[]), :confirmationMailId)
                        """)
                .param("mailId", mailId)
                .param("sender", sender)
                .param("request", requestReference)
                .param("flow", awaiting.flow())
                .param("context", awaiting.context())
                .param("bodyPartId", bodyPartId)
                .param("attachmentIds", String.join(",", attachmentIds.stream().map(String::valueOf).toList()))
                .param("confirmationMailId", confirmationMailId)
                .update();
    }

    /** The pending claims a confirmation request asked about, locked until the answer is recorded. */
    List<Pending> pendingFor(long confirmationMailId) {
        return jdbc.sql("""
                        select c.id, c.mail_id, m.reference, c.request_reference, c.claimed_sender, m.language, c.flow,
                            c.context, m.subject, c.body_part_id, c.attachment_ids
                        from unconfirmed_claim c join inbound_mail m on m.id = c.mail_id
                        where c.confirmation_mail_id = :confirmationMailId and c.state = 'pending'
                        order by c.id for update of c
                        """)
                .param("confirmationMailId", confirmationMailId)
                .query((rs, row) -> new Pending(rs.getLong("id"), rs.getLong("mail_id"), rs.getString("reference"),
                        rs.getString("request_reference"), rs.getString("claimed_sender"), rs.getString("language"),
                        rs.getString("flow"), rs.getString("context"), rs.getString("subject"),
                        (Long) rs.getObject("body_part_id"),
                        java.util.Arrays.asList((Long[]) rs.getArray("attachment_ids").getArray())))
                .list();
    }

    /** The answer to a claim: {@code state} confirmed, denied or expired settles it; pending only notes the answer. */
    void answered(long claimId, String state, long answerMailId) {
        jdbc.sql("""
                        update unconfirmed_claim set state = :state, answer_mail_id = :answerMailId,
                            settled_at = case when :state = 'pending' then null else now() end
                        where id = :id
                        """)
                .param("id", claimId)
                .param("state", state)
                .param("answerMailId", answerMailId)
                .update();
    }

    /** The claimed mail, confirmed, is a reply like any bound one. */
    void markReply(long mailId) {
        jdbc.sql("update inbound_mail set state = 'reply' where id = :id and state = 'unconfirmed'")
                .param("id", mailId)
                .update();
    }
}
