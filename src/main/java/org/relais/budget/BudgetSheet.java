package org.relais.budget;

import org.relais.spreadsheet.SpreadsheetFormat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The budget table read from a partner's file.
 *
 * @param fileName       the file name as received
 * @param format         the format found in the bytes (not trusted from the name)
 * @param sheetName      the sheet holding the table (for a csv, the file name without extension)
 * @param title          the text above the table, lines joined by newlines; empty when there is none
 * @param titleCell      the first cell of that text, or the table's first cell when there is no title
 * @param language       the language most of the labels are written in (fr, ro, bg …), empty if undecided
 * @param currencyMentions every place on the table's sheet that names a currency, in reading order
 * @param columnHeaders  the header cell of each amount column that was found, as {@code Sheet!B4}
 * @param rows           the rows of the table, top to bottom, the total included
 */
public record BudgetSheet(
        String fileName,
        SpreadsheetFormat format,
        String sheetName,
        String title,
        String titleCell,
        Optional<String> language,
        List<CurrencyMention> currencyMentions,
        Map<BudgetColumn, String> columnHeaders,
        List<BudgetRow> rows) {

    public BudgetSheet {
        currencyMentions = List.copyOf(currencyMentions);
        columnHeaders = OrderedCopies.of(columnHeaders, BudgetColumn.class);
        rows = List.copyOf(rows);
    }

    public List<BudgetRow> rowsOf(BudgetLine line) {
        return rows.stream().filter(row -> row.line() == line).toList();
    }

    /** The amount read from a cell, by its address ({@code Buget!D12}). */
    public Optional<Amount> amountAt(String cell) {
        return rows.stream().flatMap(row -> row.amounts().values().stream())
                .filter(amount -> amount.cell().equals(cell)).findFirst();
    }

    public Optional<BudgetRow> total() {
        return rowsOf(BudgetLine.TOTAL).stream().findFirst();
    }
}
