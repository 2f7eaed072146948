package org.relais.budget;

import java.util.Map;
import java.util.Optional;

/**
 * One row of the table.
 *
 * @param line      which line of the model the label names
 * @param label     the label as written
 * @param labelCell where the label is, as {@code Sheet!A5}
 * @param amounts   the amounts of the columns that were found
 */
public record BudgetRow(BudgetLine line, String label, String labelCell, Map<BudgetColumn, Amount> amounts) {

    public BudgetRow {
        amounts = OrderedCopies.of(amounts, BudgetColumn.class);
    }

    public Optional<Amount> amount(BudgetColumn column) {
        return Optional.ofNullable(amounts.get(column));
    }
}
