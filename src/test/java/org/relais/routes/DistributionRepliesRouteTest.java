package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/distribution-replies.yaml: a reply to list mail (unsubscribe, digest, …) is handled and its confirmation
 * leaves as list mail, through the throttled send queue.
 */
class DistributionRepliesRouteTest extends RouteTestSupport {

    private final Replies replies = new Replies();

    @Override
    protected List<String> routeFiles() {
        return List.of("distribution-replies.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("distribution-queue-mails");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("listReplies", replies);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aReplyToListMailIsHandledAndItsConfirmationGoesToTheThrottledSendQueue() {
        deliver("distribution.replies", reply("list", "L-7Q2"));

        assertThat(replies.handled).extracting(ReplyMessage::quotedReference).containsExactly("L-7Q2");
        assertThat(sentTo("distribution.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(91));
        assertThat(queuesReached()).containsExactly("distribution.outgoing");
    }

    /** Stands for ListReplies, which reads the reply and changes the subscription in PostgreSQL. */
    public static final class Replies {
        final List<ReplyMessage> handled = new CopyOnWriteArrayList<>();

        public List<OutgoingTicket> handle(ReplyMessage reply) {
            handled.add(reply);
            return List.of(new OutgoingTicket(91));
        }
    }
}
