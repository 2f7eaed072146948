package org.relais.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.relais.budget.BudgetColumn.Kind;

/**
 * Checks a budget against the model: the seven lines and the total are there, amounts are non-negative numbers,
 * totals add up, expenses equal receipts (cash and in kind separately), the currency is named once or assumed from
 * the organiser's country, and the lines that are easy to get wrong look plausible for a seminar of 40 to 50 people
 * at the exchange rates of the seminar's year.
 */
public class BudgetValidator {

    private final ValidationRules rules;
    private final ExchangeRates rates;
    private final BudgetCurrency currencies;

    public BudgetValidator(BudgetConfig config) {
        this.rules = config.rules();
        this.rates = config.rates();
        this.currencies = new BudgetCurrency(config.currencies(), config.rates());
    }

    public ValidationResult validate(BudgetSheet sheet, BudgetContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.seminarCode() == null || context.seminarCode().isBlank()) {
            findings.add(Finding.of(FindingCode.SEMINAR_UNKNOWN, sheet.titleCell(), null, null, sheet.title(), ""));
        }
        BudgetCurrency.Decision currency = currencies.decide(sheet, context);
        findings.addAll(currency.findings());
        for (BudgetColumn column : BudgetColumn.values()) {
            if (!sheet.columnHeaders().containsKey(column)) {
                findings.add(Finding.of(FindingCode.BUDGET_COLUMN_MISSING, sheet.titleCell(), null, column, "", ""));
            }
        }
        missingLines(sheet, findings);
        sheet.rows().forEach(row -> checkRow(row, findings));

        Map<BudgetColumn, Optional<BigDecimal>> totals = new EnumMap<>(BudgetColumn.class);
        for (BudgetColumn column : BudgetColumn.values()) {
            if (sheet.columnHeaders().containsKey(column)) {
                totals.put(column, total(sheet, column, findings));
            }
        }
        balance(sheet, totals, Kind.CASH, FindingCode.UNBALANCED_CASH, findings);
        balance(sheet, totals, Kind.IN_KIND, FindingCode.UNBALANCED_IN_KIND, findings);
        translation(sheet, findings);
        currency.currency().ifPresent(code -> {
            plausibility(sheet, code, context, BudgetLine.ACCOMMODATION, FindingCode.ACCOMMODATION_IMPLAUSIBLE, findings);
            plausibility(sheet, code, context, BudgetLine.CATERING, FindingCode.CATERING_IMPLAUSIBLE, findings);
        });

        Map<BudgetColumn, BigDecimal> known = totals.entrySet().stream().filter(e -> e.getValue().isPresent())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        Optional<Map<BudgetColumn, BigDecimal>> inEur = currency.currency().map(code -> known.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> rates.toEur(e.getValue(), code, context.seminarYear()).orElseThrow())));
        return new ValidationResult(sheet, currency.currency(), findings, known, inEur);
    }

    private static void missingLines(BudgetSheet sheet, List<Finding> findings) {
        BudgetRow last = sheet.rows().get(sheet.rows().size() - 1);
        String where = sheet.total().orElse(last).labelCell();
        for (BudgetLine line : BudgetLine.MODEL) {
            if (sheet.rowsOf(line).isEmpty()) {
                findings.add(Finding.of(FindingCode.BUDGET_LINE_MISSING, line == BudgetLine.TOTAL ? last.labelCell() : where,
                        line, null, "", ""));
            }
        }
    }

    private static void checkRow(BudgetRow row, List<Finding> findings) {
        if (row.line() == BudgetLine.OTHER) {
            findings.add(Finding.of(FindingCode.BUDGET_LINE_UNKNOWN, row.labelCell(), row.line(), null, row.label(), ""));
        }
        row.amounts().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Amount amount = entry.getValue();
            if (amount.uncomputedFormula()) {
                // a total is checked against its column's sum, which stands in for it (TOTAL_NOT_COMPUTED)
                if (row.line() != BudgetLine.TOTAL) {
                    findings.add(Finding.of(FindingCode.FORMULA_NOT_COMPUTED, amount.cell(), row.line(),
                            entry.getKey(), amount.rawText(), ""));
                }
            } else if (!amount.isNumber()) {
                findings.add(Finding.of(FindingCode.AMOUNT_NOT_A_NUMBER, amount.cell(), row.line(), entry.getKey(),
                        amount.rawText(), ""));
            } else if (amount.valueOrZero().signum() < 0) {
                findings.add(Finding.of(FindingCode.AMOUNT_NEGATIVE, amount.cell(), row.line(), entry.getKey(),
                        PlainAmounts.of(amount.valueOrZero()), PlainAmounts.of(BigDecimal.ZERO)));
            }
        });
    }

    /** The column's total as written, checked against its sum; empty when neither can be known. */
    private Optional<BigDecimal> total(BudgetSheet sheet, BudgetColumn column, List<Finding> findings) {
        List<Amount> lines = sheet.rows().stream().filter(row -> row.line().isSummed())
                .flatMap(row -> row.amount(column).stream()).toList();
        Optional<BigDecimal> sum = lines.stream().allMatch(Amount::isNumber)
                ? Optional.of(lines.stream().map(Amount::valueOrZero).reduce(BigDecimal.ZERO, BigDecimal::add))
                : Optional.empty();
        Optional<Amount> uncomputed = sheet.total().flatMap(total -> total.amount(column))
                .filter(Amount::uncomputedFormula);
        if (uncomputed.isPresent() && sum.isPresent()) {
            findings.add(Finding.of(FindingCode.TOTAL_NOT_COMPUTED, uncomputed.get().cell(), BudgetLine.TOTAL, column,
                    uncomputed.get().rawText(), PlainAmounts.of(sum.get())));
        } else if (uncomputed.isPresent()) {
            findings.add(Finding.of(FindingCode.FORMULA_NOT_COMPUTED, uncomputed.get().cell(), BudgetLine.TOTAL,
                    column, uncomputed.get().rawText(), ""));
        }
        Optional<Amount> written = sheet.total().flatMap(total -> total.amount(column)).filter(Amount::isNumber);
        if (written.isPresent() && sum.isPresent() && differ(written.get().valueOrZero(), sum.get())) {
            findings.add(Finding.of(FindingCode.TOTAL_MISMATCH, written.get().cell(), BudgetLine.TOTAL, column,
                    PlainAmounts.of(written.get().valueOrZero()), PlainAmounts.of(sum.get())));
        }
        return written.map(Amount::valueOrZero).or(() -> sum);
    }

    /** Expenses must equal receipts: both cells that differ are pointed at, each showing the other's amount. */
    private void balance(BudgetSheet sheet, Map<BudgetColumn, Optional<BigDecimal>> totals, Kind kind, FindingCode code,
                         List<Finding> findings) {
        BudgetColumn expenses = BudgetColumn.of(BudgetColumn.Side.EXPENSES, kind);
        BudgetColumn receipts = expenses.counterpart();
        Optional<BigDecimal> spent = totals.getOrDefault(expenses, Optional.empty());
        Optional<BigDecimal> received = totals.getOrDefault(receipts, Optional.empty());
        if (spent.isEmpty() || received.isEmpty() || !differ(spent.get(), received.get())) {
            return;
        }
        findings.add(Finding.of(code, totalCell(sheet, expenses), BudgetLine.TOTAL, expenses,
                PlainAmounts.of(spent.get()), PlainAmounts.of(received.get())));
        findings.add(Finding.of(code, totalCell(sheet, receipts), BudgetLine.TOTAL, receipts,
                PlainAmounts.of(received.get()), PlainAmounts.of(spent.get())));
    }

    private static String totalCell(BudgetSheet sheet, BudgetColumn column) {
        return sheet.total().flatMap(total -> total.amount(column)).map(Amount::cell)
                .orElse(sheet.columnHeaders().get(column));
    }

    private static void translation(BudgetSheet sheet, List<Finding> findings) {
        List<BudgetRow> rows = sheet.rowsOf(BudgetLine.TRANSLATION);
        if (!rows.isEmpty()) {
            BigDecimal spent = expenses(rows);
            if (spent.signum() == 0) {
                findings.add(Finding.of(FindingCode.TRANSLATION_ABSENT_OR_ZERO, rows.get(0).labelCell(),
                        BudgetLine.TRANSLATION, null, PlainAmounts.of(spent), ""));
            }
        }
    }

    private void plausibility(BudgetSheet sheet, String currency, BudgetContext context, BudgetLine line,
                              FindingCode code, List<Finding> findings) {
        List<BudgetRow> rows = sheet.rowsOf(line);
        boolean allNumbers = rows.stream().flatMap(row -> row.amounts().values().stream()).allMatch(Amount::isNumber);
        if (rows.isEmpty() || !allNumbers) {
            return;
        }
        BigDecimal inEur = rates.toEur(expenses(rows), currency, context.seminarYear()).orElseThrow();
        ValidationRules.Range plausible = rules.plausibleTotalEur(line);
        if (inEur.compareTo(plausible.min()) < 0 || inEur.compareTo(plausible.max()) > 0) {
            findings.add(Finding.of(code, rows.get(0).labelCell(), line, null,
                    PlainAmounts.of(inEur), PlainAmounts.range(plausible.min(), plausible.max())));
        }
    }

    private static BigDecimal expenses(List<BudgetRow> rows) {
        return rows.stream()
                .flatMap(row -> row.amounts().entrySet().stream())
                .filter(e -> e.getKey().side() == BudgetColumn.Side.EXPENSES)
                .map(e -> e.getValue().valueOrZero())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean differ(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(rules.tolerance()) > 0;
    }
}
