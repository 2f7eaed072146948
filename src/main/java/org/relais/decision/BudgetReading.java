package org.relais.decision;

import java.util.List;
import org.relais.budget.BudgetReview;
import org.relais.mail.Messages;
import org.relais.mail.ReplyWords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "approuvé" / "aprobat" / "одобрен" or "rejeté" / "respins" / "отхвърлен", with a comment: a budget review settled. */
@Component
@Order(1)
class BudgetReading implements ReplyReading {

    private static final List<String> ANSWERS = List.of("approve", "reject");

    private final CoordinatorDecisions decisions;
    private final ReplyWords words;
    private final Messages messages;

    BudgetReading(CoordinatorDecisions decisions, ReplyWords words, Messages messages) {
        this.decisions = decisions;
        this.words = words;
        this.messages = messages;
    }

    @Override
    public Decided read(PendingDecisions.Pending pending, Reply reply) {
        List<String> given = words.answersIn(reply.text(), ANSWERS);
        if (pending.budgets().isEmpty() || given.size() != 1) {
            return Decided.NOTHING;
        }
        boolean approve = given.get(0).equals("approve");
        String language = reply.coordinator().language();
        Decided decided = Decided.NOTHING;
        for (BudgetReview.Unsettled budget : pending.budgets()) {
            decided = decided.and(Decided.attempt(messages, language, () -> decisions.settleBudget(pending.reference(),
                            budget.budgetId(), approve, reply.text(), reply.coordinator().address(), reply.mailId()),
                    "decision.budget." + (approve ? "approved" : "rejected"), budget.seminar()));
        }
        return decided;
    }

    @Override
    public List<String> expected(PendingDecisions.Pending pending, String language) {
        return pending.budgets().stream().map(budget -> messages.get(language, "decision.budget.expected",
                words.named("approve", language), words.named("reject", language), budget.seminar())).toList();
    }
}
