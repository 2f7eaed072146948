package org.relais.budget;

import org.relais.spreadsheet.LoadedWorkbook;
import org.relais.spreadsheet.SheetGrid;
import org.relais.spreadsheet.GridCell;
import org.relais.spreadsheet.UnreadableSpreadsheetException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.relais.budget.BudgetColumn.Kind;
import org.relais.budget.BudgetColumn.Side;
import org.relais.budget.BudgetLabels.HeaderWord;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Finds the budget table in a workbook by its labels, wherever it sits: the column where most of the model's line
 * labels are, the header rows above it that name the amount columns, the title above those.
 */
final class BudgetTableLocator {

    // fewer distinct line labels than this in one column is a coincidence, not the budget model
    private static final int MIN_DISTINCT_LINES = 3;
    // header rows (side over kind, sometimes a third line of notes) sit within this many rows above the lines
    private static final int HEADER_BAND_ROWS = 4;

    private record Hit<K>(GridCell cell, K key, Set<String> languages) {
    }

    private record LabelColumn(SheetGrid sheet, int column, List<Hit<BudgetLine>> hits) {
    }

    private record Table(List<BudgetRow> rows, int lastRow) {
    }

    private record Title(String text, String cell) {
    }

    private final BudgetLabels labels;
    private final CurrencyMarks marks;
    private final LocalNumberParser numbers;

    BudgetTableLocator(BudgetLabels labels, CurrencyMarks marks) {
        this.labels = labels;
        this.marks = marks;
        this.numbers = new LocalNumberParser(marks);
    }

    BudgetSheet locate(String fileName, LoadedWorkbook workbook) throws UnreadableSpreadsheetException {
        LabelColumn labelColumn = labelColumn(workbook.sheets()).orElseThrow(() -> new UnreadableSpreadsheetException(
                Reason.TABLE_NOT_FOUND, "no sheet has " + MIN_DISTINCT_LINES + " labels of the budget model in one column"));
        SheetGrid sheet = labelColumn.sheet();
        int labelCol = labelColumn.column();

        List<Hit<HeaderWord>> headers = headerBand(sheet, labelColumn);
        int headerBottom = headers.stream().mapToInt(h -> h.cell().row()).max().orElse(-1);

        List<Hit<BudgetLine>> lineHits = labelColumn.hits().stream().filter(h -> h.cell().row() > headerBottom).toList();
        if (lineHits.isEmpty()) {
            throw new UnreadableSpreadsheetException(Reason.TABLE_NOT_FOUND, "no line labels below the headers");
        }
        Map<BudgetColumn, Integer> columns = amountColumns(headers, labelCol);
        Table table = table(sheet, labelCol, lineHits, columns);

        int top = headers.stream().mapToInt(h -> h.cell().row()).min().orElse(lineHits.get(0).cell().row());
        Title title = title(sheet, top, labelCol);
        Map<BudgetColumn, String> headerCells = new EnumMap<>(BudgetColumn.class);
        columns.forEach((column, index) -> headerCells.put(column, sheet.address(headerBottom, index)));
        List<Hit<BudgetLine>> tableHits = lineHits.stream().filter(h -> h.cell().row() <= table.lastRow()).toList();

        return new BudgetSheet(fileName, workbook.format(), sheet.name(), title.text(), title.cell(),
                language(tableHits, headers), currencyMentions(sheet, columns, top, table.lastRow()), headerCells,
                table.rows());
    }

    /** Everything written above the table, row by row; where it starts, or the table's corner if nothing is. */
    private static Title title(SheetGrid sheet, int top, int labelCol) {
        List<GridCell> cells = sheet.cells().stream().filter(c -> c.row() < top && c.number().isEmpty()).toList();
        String text = cells.stream()
                .collect(Collectors.groupingBy(GridCell::row, TreeMap::new, Collectors.mapping(GridCell::text, Collectors.joining(" "))))
                .values().stream().collect(Collectors.joining("\n"));
        String cell = cells.isEmpty() ? sheet.address(top, labelCol) : sheet.address(cells.get(0).row(), cells.get(0).column());
        return new Title(text, cell);
    }

    /**
     * Every cell of the table's sheet that names a currency, in reading order: the headings and amounts (typed or
     * formatted with a unit) of an amount column belong to that column; the title, a note, a line above, below or
     * beside the table to the whole table. A cell whose marks share no currency ("1 EUR = 4,24 lei") is an
     * exchange-rate note and names none.
     */
    private List<CurrencyMention> currencyMentions(SheetGrid sheet, Map<BudgetColumn, Integer> columns, int top,
                                                   int lastRow) {
        Map<Integer, BudgetColumn> byIndex = new HashMap<>();
        columns.forEach((column, index) -> byIndex.put(index, column));
        List<CurrencyMention> mentions = new ArrayList<>();
        for (GridCell cell : sheet.cells()) {
            List<List<String>> named = marks.marksIn(cell.text() + " " + cell.numberFormat());
            if (named.isEmpty()) {
                continue;
            }
            List<String> common = new ArrayList<>(named.get(0));
            named.forEach(common::retainAll);
            if (common.isEmpty()) {
                continue;
            }
            Optional<BudgetColumn> column = cell.row() >= top && cell.row() <= lastRow
                    ? Optional.ofNullable(byIndex.get(cell.column())) : Optional.empty();
            mentions.add(new CurrencyMention(sheet.address(cell.row(), cell.column()), common, column));
        }
        return mentions;
    }

    /** The sheet and column holding the most distinct line labels. */
    private Optional<LabelColumn> labelColumn(List<SheetGrid> sheets) {
        LabelColumn best = null;
        long bestDistinct = MIN_DISTINCT_LINES - 1;
        for (SheetGrid sheet : sheets) {
            Map<Integer, List<Hit<BudgetLine>>> byColumn = new TreeMap<>();
            for (GridCell cell : sheet.cells()) {
                if (cell.number().isEmpty()) {
                    labels.lineMatcher().match(cell.text()).ifPresent(match -> byColumn
                            .computeIfAbsent(cell.column(), c -> new ArrayList<>())
                            .add(new Hit<>(cell, match.key(), match.languages())));
                }
            }
            for (Map.Entry<Integer, List<Hit<BudgetLine>>> column : byColumn.entrySet()) {
                long distinct = column.getValue().stream().map(Hit::key).distinct().count();
                if (distinct > bestDistinct) {
                    best = new LabelColumn(sheet, column.getKey(), column.getValue());
                    bestDistinct = distinct;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The header cells right of the labels, in the few rows above the first line label that has headers above it:
     * a line label in the title above them, or a stray word in an amount cell below them, cannot shift the table.
     */
    private List<Hit<HeaderWord>> headerBand(SheetGrid sheet, LabelColumn labelColumn) {
        List<Hit<HeaderWord>> all = new ArrayList<>();
        for (GridCell cell : sheet.cells()) {
            if (cell.column() > labelColumn.column() && cell.number().isEmpty()) {
                labels.headerMatcher().matchAll(cell.text()).forEach(m -> all.add(new Hit<>(cell, m.key(), m.languages())));
            }
        }
        int previous = -1;
        for (Hit<BudgetLine> line : labelColumn.hits()) {
            int above = previous;
            int row = line.cell().row();
            List<Hit<HeaderWord>> between = all.stream().filter(h -> h.cell().row() > above && h.cell().row() < row).toList();
            if (!between.isEmpty()) {
                int bottom = between.stream().mapToInt(h -> h.cell().row()).max().orElseThrow();
                return between.stream().filter(h -> h.cell().row() > bottom - HEADER_BAND_ROWS).toList();
            }
            previous = row;
        }
        return List.of();
    }

    /**
     * Which sheet column holds each amount column: its kind is written above it, its side above it or, as in a
     * merged cell, in the nearest side header to its left.
     */
    private static Map<BudgetColumn, Integer> amountColumns(List<Hit<HeaderWord>> headers, int labelCol) {
        TreeMap<Integer, Side> sides = new TreeMap<>();
        Map<Integer, Kind> kinds = new TreeMap<>();
        for (Hit<HeaderWord> hit : headers) {
            int column = hit.cell().column();
            switch (hit.key()) {
                case EXPENSES -> sides.putIfAbsent(column, Side.EXPENSES);
                case RECEIPTS -> sides.putIfAbsent(column, Side.RECEIPTS);
                case CASH -> kinds.putIfAbsent(column, Kind.CASH);
                case IN_KIND -> kinds.putIfAbsent(column, Kind.IN_KIND);
            }
        }
        Map<BudgetColumn, Integer> columns = new EnumMap<>(BudgetColumn.class);
        kinds.forEach((column, kind) -> {
            Map.Entry<Integer, Side> side = sides.floorEntry(column);
            if (side != null && side.getKey() > labelCol) {
                columns.putIfAbsent(BudgetColumn.of(side.getValue(), kind), column);
            }
        });
        return columns;
    }

    private Table table(SheetGrid sheet, int labelCol, List<Hit<BudgetLine>> lineHits, Map<BudgetColumn, Integer> columns) {
        Map<Integer, Hit<BudgetLine>> byRow = new LinkedHashMap<>();
        lineHits.forEach(hit -> byRow.putIfAbsent(hit.cell().row(), hit));
        int first = lineHits.get(0).cell().row();
        Optional<Integer> totalRow = lineHits.stream().filter(h -> h.key() == BudgetLine.TOTAL)
                .map(h -> h.cell().row()).findFirst();
        // without a total row the table ends at its last recognised line; with one, at the total
        int last = totalRow.orElse(lastOfFirstBlock(sheet, labelCol, lineHits));
        List<BudgetRow> rows = new ArrayList<>();
        for (int r = first; r <= last; r++) {
            Hit<BudgetLine> hit = byRow.get(r);
            Optional<GridCell> label = sheet.cell(r, labelCol);
            Map<BudgetColumn, Amount> amounts = amounts(sheet, r, columns);
            if (hit != null) {
                rows.add(new BudgetRow(hit.key(), hit.cell().text(), sheet.address(r, labelCol), amounts));
            } else if (label.isPresent() && label.get().number().isEmpty()
                    && amounts.values().stream().anyMatch(a -> !a.rawText().isEmpty())) {
                rows.add(new BudgetRow(BudgetLine.OTHER, label.get().text(), sheet.address(r, labelCol), amounts));
            }
        }
        return new Table(rows, last);
    }

    /** The last line label before the first row whose label is something else (a note below the table). */
    private static int lastOfFirstBlock(SheetGrid sheet, int labelCol, List<Hit<BudgetLine>> lineHits) {
        Set<Integer> hitRows = lineHits.stream().map(h -> h.cell().row()).collect(Collectors.toSet());
        int last = lineHits.get(0).cell().row();
        for (GridCell cell : sheet.cells()) {
            if (cell.column() == labelCol && cell.row() > last) {
                if (!hitRows.contains(cell.row())) {
                    break;
                }
                last = cell.row();
            }
        }
        return last;
    }

    private Map<BudgetColumn, Amount> amounts(SheetGrid sheet, int row, Map<BudgetColumn, Integer> columns) {
        Map<BudgetColumn, Amount> amounts = new EnumMap<>(BudgetColumn.class);
        columns.forEach((column, index) -> {
            String address = sheet.address(row, index);
            amounts.put(column, sheet.cell(row, index)
                    .map(cell -> cell.uncomputedFormula() ? new Amount(address, cell.text(), Optional.empty(), true)
                            : new Amount(address, cell.text(), cell.number().or(() -> numbers.parse(cell.text())), false))
                    .orElse(new Amount(address, "", Optional.of(BigDecimal.ZERO), false)));
        });
        return amounts;
    }

    /** The language most recognised labels are written in; empty on a tie. */
    private static Optional<String> language(List<Hit<BudgetLine>> lines, List<Hit<HeaderWord>> headers) {
        Map<String, Integer> votes = new HashMap<>();
        lines.forEach(hit -> hit.languages().forEach(language -> votes.merge(language, 1, Integer::sum)));
        headers.forEach(hit -> hit.languages().forEach(language -> votes.merge(language, 1, Integer::sum)));
        int top = votes.values().stream().max(Comparator.naturalOrder()).orElse(0);
        List<String> leaders = votes.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey).toList();
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }
}
