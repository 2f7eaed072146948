package org.relais.budget;

import java.util.Optional;

/**
 * One problem found in a budget, tied to the cell the partner should look at.
 *
 * @param code     what was checked
 * @param severity error or warning (given by the code)
 * @param cell     where, as {@code Sheet!D12}
 * @param line     the budget line concerned, if one is
 * @param column   the amount column concerned, if one is
 * @param found    what the cell holds: the text as typed, or an amount as a plain decimal ({@code 1234.50})
 * @param expected what it should hold, in the same form; a range is written {@code min..max}
 */
public record Finding(FindingCode code, Severity severity, String cell, Optional<BudgetLine> line,
                      Optional<BudgetColumn> column, String found, String expected) {

    static Finding of(FindingCode code, String cell, BudgetLine line, BudgetColumn column, String found, String expected) {
        return new Finding(code, code.severity(), cell, Optional.ofNullable(line), Optional.ofNullable(column), found, expected);
    }
}
