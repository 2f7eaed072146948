package org.relais.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.relais.intake.ReplyMessage;
import org.relais.mail.OutgoingTicket;

/**
 * routes/budget-review.yaml: a follow-up group member's reply is recorded and answered; the leader's timer reminds
 * the members who have not answered.
 */
class BudgetReviewRouteTest extends RouteTestSupport {

    private final ReviewFake review = new ReviewFake();

    @Override
    protected List<String> routeFiles() {
        return List.of("budget-review.yaml", "common-errors.yaml");
    }

    @Override
    protected List<String> handOnRoutes() {
        return List.of("mail-queue-tickets");
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("budgetReview", review);
        registry.bind("failureRecorder", new FailureRecorderFake());
    }

    @Test
    void aMembersReplyIsRecordedAndWhatItDecidedGoesToTheOutgoingQueue() {
        deliver("budget.review", reply("budget-review", "REL-2026-0007"));

        assertThat(review.replies).extracting(ReplyMessage::quotedReference).containsExactly("REL-2026-0007");
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class))
                .containsExactly(new OutgoingTicket(31), new OutgoingTicket(32));
        assertThat(queuesReached()).containsExactly("mail.outgoing");
    }

    @Test
    void theSilentMembersAreRemindedOnTheLeadersTickByMail() throws Exception {
        // the timer's first check comes a minute after the lead is taken: the test ticks it itself
        AdviceWith.adviceWith(context, "budget-review-remind",
                route -> route.replaceFromWith("direct:budget-review-remind"));
        startAsTheLeader("budget-review-remind");

        template.sendBody("direct:budget-review-remind", null);

        assertThat(review.reminders).hasValue(1);
        assertThat(sentTo("mail.outgoing", OutgoingTicket.class)).containsExactly(new OutgoingTicket(41));
    }

    /** Stands for BudgetReview, which keeps the review's replies and reminders in PostgreSQL. */
    public static final class ReviewFake {
        final List<ReplyMessage> replies = new CopyOnWriteArrayList<>();
        final AtomicInteger reminders = new AtomicInteger();

        public List<OutgoingTicket> onReply(ReplyMessage reply) {
            replies.add(reply);
            return List.of(new OutgoingTicket(31), new OutgoingTicket(32));
        }

        public List<OutgoingTicket> remind() {
            reminders.incrementAndGet();
            return List.of(new OutgoingTicket(41));
        }

        /** The real bean's overload for tests with a time of their own: the route must not pick it. */
        public List<OutgoingTicket> remind(Instant now) {
            throw new AssertionError("the timer called remind(" + now + ")");
        }
    }
}
