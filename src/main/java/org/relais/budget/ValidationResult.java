package org.relais.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the validator concluded about a budget.
 *
 * @param sheet       the budget as read
 * @param currency    the currency the amounts were judged in, named by the file or assumed from the organiser's
 *                    country (a {@link FindingCode#CURRENCY_ASSUMED} note says so); empty when it cannot be known
 * @param findings    every problem, errors and warnings, and the notes of what was assumed
 * @param totals      each column's total: the total row's amount where it is a number, else the column's sum
 * @param totalsInEur the same totals converted at the rates of the seminar's year; empty when the currency is unknown
 */
public record ValidationResult(BudgetSheet sheet, Optional<String> currency, List<Finding> findings, Map<BudgetColumn, BigDecimal> totals,
                               Optional<Map<BudgetColumn, BigDecimal>> totalsInEur) {

    public ValidationResult {
        findings = List.copyOf(findings);
        totals = OrderedCopies.of(totals, BudgetColumn.class);
        totalsInEur = totalsInEur.map(eur -> OrderedCopies.of(eur, BudgetColumn.class));
    }

    /** A budget is accepted when nothing but warnings was found. */
    public boolean accepted() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }
}
