package org.relais.spreadsheet;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A non-blank cell as any format gives it, so that one table finder serves xlsx, xls, ods and csv alike.
 *
 * @param row               zero-based row
 * @param column            zero-based column
 * @param text              what the cell shows (for a number, its formatted value; for a formula, its result)
 * @param number            the value of a numeric cell; empty for text
 * @param numberFormat      the cell's number format or currency code, where a currency mark may hide; empty if none
 * @param uncomputedFormula the cell is a formula saved without its result that could not be computed: {@code text}
 *                          is the formula, and the cell has no value
 */
public record GridCell(int row, int column, String text, Optional<BigDecimal> number, String numberFormat,
                       boolean uncomputedFormula) {

    public static GridCell text(int row, int column, String text) {
        return new GridCell(row, column, text, Optional.empty(), "", false);
    }

    public static GridCell uncomputed(int row, int column, String formula) {
        return new GridCell(row, column, formula.startsWith("=") ? formula : "=" + formula, Optional.empty(), "", true);
    }
}
