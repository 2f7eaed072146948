package org.relais.budget;

import org.relais.spreadsheet.CellAddresses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.poi.ss.util.CellReference;

/**
 * A budget table laid out the way partners lay theirs out, in one of the three languages, that the tests then write
 * into any format. Amounts default to a balanced, plausible budget in EUR (receipts mirroring expenses).
 */
final class BudgetLayout {

    /** A formula for the writers that support one; the others write its value. */
    record Formula(String expression, BigDecimal value) {
    }

    /** Labels as partners write them, deliberately not the configured ones word for word. */
    record Words(String title, String currencyNote, String expenses, String receipts, String cash, String inKind,
                 Map<BudgetLine, String> lines) {
    }

    static final Words FRENCH = new Words("Budget prévisionnel – séminaire de Savoie", "Montants en EUR",
            "Dépenses de la collectivité locale organisatrice", "Recettes de la collectivité locale organisatrice",
            "Numéraire", "Valorisation", Map.of(
            BudgetLine.TRAVEL, "Frais de déplacement des participants (hors billets d'avion groupe de suivi et collectivités locales françaises)",
            BudgetLine.ACCOMMODATION, "Frais d'hébergement (1 nuit)",
            BudgetLine.CATERING, "FRAIS DE RESTAURATION",
            BudgetLine.TRANSLATION, "Traduction",
            BudgetLine.COMMUNICATION, "Communication",
            BudgetLine.ROOM_HIRE, "Location de salles de réunion",
            BudgetLine.STAFF_TIME, "Temps de travail",
            BudgetLine.TOTAL, "Total"));

    static final Words ROMANIAN = new Words("Buget previzional – seminarul Județului Argeș", "Sume în RON",
            "Cheltuieli", "Venituri", "Numerar", "În natură", Map.of(
            BudgetLine.TRAVEL, "Cheltuieli de transport ale participanților",
            BudgetLine.ACCOMMODATION, "Cazare (1 noapte)",
            BudgetLine.CATERING, "Masă",
            BudgetLine.TRANSLATION, "Traducere",
            BudgetLine.COMMUNICATION, "Comunicare",
            BudgetLine.ROOM_HIRE, "Închiriere săli",
            BudgetLine.STAFF_TIME, "Timp de lucru",
            BudgetLine.TOTAL, "TOTAL"));

    static final Words BULGARIAN = new Words("Прогнозен бюджет – семинар Варна", "Суми в лв.",
            "Разходи", "Приходи", "Парични", "В натура", Map.of(
            BudgetLine.TRAVEL, "Пътни разходи на участниците",
            BudgetLine.ACCOMMODATION, "Нощувки",
            BudgetLine.CATERING, "Кетъринг",
            BudgetLine.TRANSLATION, "Превод",
            BudgetLine.COMMUNICATION, "Комуникация",
            BudgetLine.ROOM_HIRE, "Наем на зали",
            BudgetLine.STAFF_TIME, "Работно време",
            BudgetLine.TOTAL, "Общо"));

    /** Expenses cash and in kind per line, in EUR, plausible for 40–50 participants. */
    private static final Map<BudgetLine, int[]> PLAUSIBLE_EUR = Map.of(
            BudgetLine.TRAVEL, new int[]{2000, 0},
            BudgetLine.ACCOMMODATION, new int[]{2500, 0},
            BudgetLine.CATERING, new int[]{1800, 200},
            BudgetLine.TRANSLATION, new int[]{900, 600},
            BudgetLine.COMMUNICATION, new int[]{300, 100},
            BudgetLine.ROOM_HIRE, new int[]{0, 800},
            BudgetLine.STAFF_TIME, new int[]{0, 1500});

    private final Words words;
    private String sheetName;
    private Function<Double, String> typing;
    private final Map<BudgetLine, Map<BudgetColumn, Object>> amounts = new EnumMap<>(BudgetLine.class);
    private final Map<BudgetColumn, Object> totalOverrides = new EnumMap<>(BudgetColumn.class);
    private final Set<BudgetLine> omitted = new LinkedHashSet<>();
    private final Set<BudgetLine> blankRowAfter = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Map.Entry<String, Object[]>> extraLines = new ArrayList<>();
    private int top;
    private int left;
    private boolean gapColumn;
    private boolean title = true;
    private boolean currencyNote = true;
    private boolean totalsAsFormulas;
    private boolean omitInKindHeaders;

    BudgetLayout(Words words, String sheetName, int unitsPerEuro) {
        this.words = words;
        this.sheetName = sheetName;
        PLAUSIBLE_EUR.forEach((line, eur) -> {
            Map<BudgetColumn, Object> row = new EnumMap<>(BudgetColumn.class);
            row.put(BudgetColumn.EXPENSES_CASH, (double) eur[0] * unitsPerEuro);
            row.put(BudgetColumn.EXPENSES_IN_KIND, (double) eur[1] * unitsPerEuro);
            row.put(BudgetColumn.RECEIPTS_CASH, (double) eur[0] * unitsPerEuro);
            row.put(BudgetColumn.RECEIPTS_IN_KIND, (double) eur[1] * unitsPerEuro);
            amounts.put(line, row);
        });
    }

    static BudgetLayout french() {
        return new BudgetLayout(FRENCH, "Budget", 1);
    }

    static BudgetLayout romanian() {
        return new BudgetLayout(ROMANIAN, "Buget", 5);
    }

    static BudgetLayout bulgarian() {
        return new BudgetLayout(BULGARIAN, "Бюджет", 2);
    }

    BudgetLayout at(int row, int column) {
        this.top = row;
        this.left = column;
        return this;
    }

    BudgetLayout withBlankColumnAfterLabels() {
        gapColumn = true;
        return this;
    }

    BudgetLayout withBlankRowAfter(BudgetLine line) {
        blankRowAfter.add(line);
        return this;
    }

    BudgetLayout withNoteBelow(String note) {
        notes.add(note);
        return this;
    }

    BudgetLayout withoutTitle() {
        title = false;
        return this;
    }

    BudgetLayout withoutCurrencyNote() {
        currencyNote = false;
        return this;
    }

    BudgetLayout withTotalsAsFormulas() {
        totalsAsFormulas = true;
        return this;
    }

    BudgetLayout withoutInKindHeaders() {
        omitInKindHeaders = true;
        return this;
    }

    BudgetLayout without(BudgetLine line) {
        omitted.add(line);
        return this;
    }

    BudgetLayout set(BudgetLine line, BudgetColumn column, Object value) {
        amounts.get(line).put(column, value);
        return this;
    }

    /** Writes every line amount as text, the way a partner types it. */
    BudgetLayout amountsAsText(Function<Double, String> typing) {
        this.typing = typing;
        return this;
    }

    BudgetLayout inSheet(String name) {
        this.sheetName = name;
        return this;
    }

    BudgetLayout setTotal(BudgetColumn column, Object value) {
        totalOverrides.put(column, value);
        return this;
    }

    BudgetLayout withExtraLine(String label, double expensesCash) {
        extraLines.add(Map.entry(label, new Object[]{expensesCash, 0.0, expensesCash, 0.0}));
        return this;
    }

    String sheetName() {
        return sheetName;
    }

    Words words() {
        return words;
    }

    int sideRow() {
        return top + (title ? 1 : 0) + (currencyNote ? 1 : 0) + 1;
    }

    int kindRow() {
        return sideRow() + 1;
    }

    int labelColumn() {
        return left;
    }

    int amountColumn(BudgetColumn column) {
        return left + (gapColumn ? 2 : 1) + column.ordinal();
    }

    int lineRow(BudgetLine line) {
        int row = kindRow() + 1;
        for (BudgetLine candidate : BudgetLine.MODEL) {
            if (omitted.contains(candidate)) {
                continue;
            }
            if (candidate == BudgetLine.TOTAL) {
                row += extraLines.size();
            }
            if (candidate == line) {
                return row;
            }
            row += blankRowAfter.contains(candidate) ? 2 : 1;
        }
        throw new IllegalArgumentException(line + " is not in this layout");
    }

    String address(BudgetLine line, BudgetColumn column) {
        return CellAddresses.of(sheetName, lineRow(line), amountColumn(column));
    }

    String labelAddress(BudgetLine line) {
        return CellAddresses.of(sheetName, lineRow(line), labelColumn());
    }

    String titleAddress() {
        return CellAddresses.of(sheetName, top, left);
    }

    /** The sum of a column over the lines, as the partner would compute it. */
    BigDecimal sum(BudgetColumn column) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BudgetLine line : BudgetLine.MODEL) {
            if (line != BudgetLine.TOTAL && !omitted.contains(line) && amounts.get(line).get(column) instanceof Double d) {
                sum = sum.add(BigDecimal.valueOf(d));
            }
        }
        for (Map.Entry<String, Object[]> extra : extraLines) {
            sum = sum.add(BigDecimal.valueOf((Double) extra.getValue()[column.ordinal()]));
        }
        return sum;
    }

    /** The amount a line holds, as a number. */
    BigDecimal value(BudgetLine line, BudgetColumn column) {
        return BigDecimal.valueOf((Double) amounts.get(line).get(column));
    }

    /** The cells, row by row: null, String, Double or Formula. */
    List<List<Object>> grid() {
        int width = amountColumn(BudgetColumn.RECEIPTS_IN_KIND) + 1;
        List<List<Object>> rows = new ArrayList<>();
        if (title) {
            put(rows, top, left, words.title(), width);
        }
        if (currencyNote) {
            put(rows, top + (title ? 1 : 0), left, words.currencyNote(), width);
        }
        put(rows, sideRow(), amountColumn(BudgetColumn.EXPENSES_CASH), words.expenses(), width);
        put(rows, sideRow(), amountColumn(BudgetColumn.RECEIPTS_CASH), words.receipts(), width);
        for (BudgetColumn column : BudgetColumn.values()) {
            boolean cash = column.kind() == BudgetColumn.Kind.CASH;
            if (cash || !omitInKindHeaders) {
                put(rows, kindRow(), amountColumn(column), cash ? words.cash() : words.inKind(), width);
            }
        }
        for (BudgetLine line : BudgetLine.MODEL) {
            if (omitted.contains(line) || line == BudgetLine.TOTAL) {
                continue;
            }
            put(rows, lineRow(line), labelColumn(), words.lines().get(line), width);
            for (BudgetColumn column : BudgetColumn.values()) {
                Object value = amounts.get(line).get(column);
                put(rows, lineRow(line), amountColumn(column),
                        typing != null && value instanceof Double number ? typing.apply(number) : value, width);
            }
        }
        int extraRow = omitted.contains(BudgetLine.TOTAL) ? -1 : lineRow(BudgetLine.TOTAL) - extraLines.size();
        for (Map.Entry<String, Object[]> extra : extraLines) {
            put(rows, extraRow, labelColumn(), extra.getKey(), width);
            for (BudgetColumn column : BudgetColumn.values()) {
                put(rows, extraRow, amountColumn(column), extra.getValue()[column.ordinal()], width);
            }
            extraRow++;
        }
        if (!omitted.contains(BudgetLine.TOTAL)) {
            int row = lineRow(BudgetLine.TOTAL);
            put(rows, row, labelColumn(), words.lines().get(BudgetLine.TOTAL), width);
            for (BudgetColumn column : BudgetColumn.values()) {
                put(rows, row, amountColumn(column), totalOverrides.containsKey(column) ? totalOverrides.get(column) : total(column, row));
            }
            int noteRow = row + 2;
            for (String note : notes) {
                put(rows, noteRow++, labelColumn(), note, width);
            }
        }
        return rows;
    }

    private Object total(BudgetColumn column, int totalRow) {
        if (!totalsAsFormulas) {
            return sum(column).doubleValue();
        }
        String letter = CellReference.convertNumToColString(amountColumn(column));
        return new Formula("SUM(" + letter + (kindRow() + 2) + ":" + letter + totalRow + ")", sum(column));
    }

    private static void put(List<List<Object>> rows, int row, int column, Object value, int width) {
        while (rows.size() <= row) {
            rows.add(new ArrayList<>());
        }
        List<Object> cells = rows.get(row);
        while (cells.size() < Math.max(width, column + 1)) {
            cells.add(null);
        }
        cells.set(column, value);
    }

    private static void put(List<List<Object>> rows, int row, int column, Object value) {
        put(rows, row, column, value, column + 1);
    }
}
