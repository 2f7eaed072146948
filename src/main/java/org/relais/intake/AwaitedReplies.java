package org.relais.intake;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replies flows wait for. A flow that mails someone and expects an answer (a reviewer's approval, a translator's
 * translation, an unsubscribe) registers it here, and writes its mails about that reference
 * ({@link org.relais.mail.OutgoingMail#about}); intake then hands a mail from that address bound to one of those mails
 * ({@link org.relais.mail.ReplyBinding}) to the flow's queue as a {@link ReplyMessage}, instead of taking it in as new
 * documents. A mail that only quotes the reference is a claim, confirmed by its sender first
 * ({@link ClaimConfirmations}).
 */
@Component
public class AwaitedReplies {

    /** Who waits: the queue to put the reply on, and what the flow needs to find its own state again. */
    public record Awaiting(String queue, String context) {
    }

    private final JdbcClient jdbc;

    AwaitedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void expect(String reference, String address, String queue, String context) {
        jdbc.sql("""
                        insert into awaited_reply (reference, address, queue, context)
                        values (:reference, :address, :queue, :context)
                        on conflict (reference, address, queue) do update set context = excluded.context
                        """)
                .param("reference", reference)
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("queue", queue)
                .param("context", context)
                .update();
    }

    /** The flow got what it waited for (or gave up): later mails quoting the reference are new mail again. */
    public void forget(String reference, String address, String queue) {
        jdbc.sql("delete from awaited_reply where reference = :reference and address = :address and queue = :queue")
                .param("reference", reference)
                .param("address", address.toLowerCase(Locale.ROOT))
                .param("queue", queue)
                .update();
    }

    List<Awaiting> awaiting(String reference, String address) {
        return jdbc.sql("""
                        select queue, context from awaited_reply
                        where reference = :reference and address = :address order by queue
                        """)
                .param("reference", reference)
                .param("address", address)
                .query((rs, row) -> new Awaiting(rs.getString("queue"), rs.getString("context")))
                .list();
    }
}
