package org.relais.decision;

import java.util.List;
import org.relais.budget.BudgetReview;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.AwaitedReplies;
import org.relais.minutes.Dispatch;
import org.springframework.stereotype.Component;

/**
 * Applies a coordinator's decision, the same from the console and from a reply: checked against what awaits a
 * decision under the reference (else {@link DecisionRefused}, and nothing changes), applied by the flow it belongs
 * to, and what that hands on returned as a {@link Dispatch}. Call inside a transaction (the console's, or the reply
 * consumer's); once nothing awaits a decision under the reference any more, the coordinators' later replies to its
 * mails are new mail again.
 */
@Component
public class CoordinatorDecisions {

    private final PendingDecisions pendingDecisions;
    private final BudgetReview budgets;
    private final AwaitedReplies awaitedReplies;
    private final DirectoryRepository directory;

    CoordinatorDecisions(PendingDecisions pendingDecisions, BudgetReview budgets, AwaitedReplies awaitedReplies,
                         DirectoryRepository directory) {
        this.pendingDecisions = pendingDecisions;
        this.budgets = budgets;
        this.awaitedReplies = awaitedReplies;
        this.directory = directory;
    }

    /**
     * Settles a budget review (after an objection, or one nobody answered); the organiser, the coordinators and the
     * funders are told.
     *
     * @param replyMailId the coordinator's reply that decided, or null from the console
     */
    public Dispatch settleBudget(String reference, long budgetId, boolean approve, String comment, String coordinator,
                                 Long replyMailId) {
        if (pendingDecisions.of(reference).budgets().stream().noneMatch(b -> b.budgetId() == budgetId)) {
            throw new DecisionRefused("settled", reference);
        }
        return settled(reference, Dispatch.ofMails(budgets.decide(budgetId, approve, coordinator, comment,
                replyMailId)));
    }

    private Dispatch settled(String reference, Dispatch applied) {
        if (pendingDecisions.of(reference).isEmpty()) {
            List<Contact> coordinators = directory.contactsWithRole("coordinator");
            coordinators.forEach(c -> awaitedReplies.forget(reference, c.address(), AwaitedReplies.DECISION_FLOW));
        }
        return applied;
    }
}
