package org.relais.spreadsheet;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A non-blank cell as any format gives it, so that one table finder serves xlsx, xls, ods and csv alike.
 *
 * @param row          zero-based row
 * @param column       zero-based column
 * @param text         what the cell shows (for a number, its formatted value; for a formula, its result)
 * @param number       the value of a numeric cell; empty for text
 * @param numberFormat the cell's number format or currency code, where a currency mark may hide; empty if none
 */
public record GridCell(int row, int column, String text, Optional<BigDecimal> number, String numberFormat) {

    public static GridCell text(int row, int column, String text) {
        return new GridCell(row, column, text, Optional.empty(), "");
    }
}
