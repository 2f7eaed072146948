package org.relais.decision;

import java.util.List;
import org.relais.budget.BudgetReview;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What awaits a coordinator's decision under one tracking reference, read from the flows' own state: the console's
 * forms show it, and a coordinator's reply is read against it (a reply to any mail about the reference may decide
 * any of it).
 */
@Component
public class PendingDecisions {

    /** Everything a coordinator may decide under {@code reference} now. */
    public record Pending(String reference, List<BudgetReview.Unsettled> budgets) {

        public boolean isEmpty() {
            return budgets.isEmpty();
        }
    }

    private final BudgetReview budgets;

    PendingDecisions(BudgetReview budgets) {
        this.budgets = budgets;
    }

    @Transactional(readOnly = true)
    public Pending of(String reference) {
        return new Pending(reference, budgets.unsettled(reference));
    }
}
