package org.relais.intake;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replies flows wait for. A flow that mails someone and expects an answer (a reviewer's approval, a translator's
 * translation, an unsubscribe) registers it here, and writes its mails about that reference
 * ({@link org.relais.mail.OutgoingMail#about}); intake then hands a mail from that address bound to one of those mails
 * ({@link org.relais.mail.ReplyBinding}) to the flow as a {@link ReplyMessage}, instead of taking it in as new
 * documents (routes/intake-process.yaml puts it on the flow's queue). A mail that only quotes the reference is a
 * claim, confirmed by its sender first ({@link ClaimConfirmations}).
 */
@Component
public class AwaitedReplies {

    /**
     * The flow that takes the coordinators' replies to the mails that ask them for a decision (a budget objection to
     * settle, the language of a document…): org.relais.decision reads them against what awaits a decision under the
     * reference, so it needs no context.
     */
    public static final String DECISION_FLOW = "decision";

    /** Who waits: the flow, and what it needs to find its own state again. */
    public record Awaiting(String flow, String context) {
    }

    private final JdbcClient jdbc;

    AwaitedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void expect(String reference, String address, String flow, String context) {
        jdbc.sql("""
                        insert into awaited_reply (reference, address, flow, context)
                        values (:reference, :address, :flow, :context)
                        on conflict (reference, address, flow) do update set context = excluded.context
                        """)
                .param("reference", reference)
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("flow", flow)
                .param("context", context)
                .update();
    }

    /** The flow got what it waited for (or gave up): later mails quoting the reference are new mail again. */
    public void forget(String reference, String address, String flow) {
        jdbc.sql("delete from awaited_reply where reference = :reference and address = :address and flow = :flow")
                .param("reference", reference)
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("flow", flow)
                .update();
    }

    List<Awaiting> awaiting(String reference, String address) {
        return jdbc.sql("""
                        select flow, context from awaited_reply
                        where reference = :reference and address = :address order by flow
                        """)
                .param("reference", reference)
                .param("address", address)
                .query((rs, row) -> new Awaiting(rs.getString("flow"), rs.getString("context")))
                .list();
    }
}
