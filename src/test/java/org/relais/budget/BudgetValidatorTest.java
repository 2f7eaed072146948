package org.relais.budget;

import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.CellAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.relais.budget.TestConfig.CONFIG;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.VALIDATOR;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetValidatorTest {

    private static final String SEMINAR = "arges-2009-09";

    static Stream<Arguments> balancedBudgets() {
        return Stream.of(
                Arguments.of("fr, EUR", (Supplier<BudgetLayout>) BudgetLayout::french),
                Arguments.of("ro, RON", (Supplier<BudgetLayout>) BudgetLayout::romanian),
                Arguments.of("bg, BGN", (Supplier<BudgetLayout>) BudgetLayout::bulgarian));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("balancedBudgets")
    void balancedPlausibleBudgetIsAcceptedWithoutAnyFinding(String name, Supplier<BudgetLayout> layout) throws Exception {
        ValidationResult result = validate(layout.get());

        assertThat(result.findings()).isEmpty();
        assertThat(result.accepted()).isTrue();
    }

    @Test
    void missingLineIsReportedNextToTheTotal() throws Exception {
        BudgetLayout layout = BudgetLayout.french().without(BudgetLine.COMMUNICATION)
                .setTotal(BudgetColumn.EXPENSES_CASH, 7200.0).setTotal(BudgetColumn.RECEIPTS_CASH, 7200.0)
                .setTotal(BudgetColumn.EXPENSES_IN_KIND, 3100.0).setTotal(BudgetColumn.RECEIPTS_IN_KIND, 3100.0);

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.BUDGET_LINE_MISSING);
            assertThat(finding.line()).contains(BudgetLine.COMMUNICATION);
            assertThat(finding.cell()).isEqualTo(layout.labelAddress(BudgetLine.TOTAL));
        });
    }

    @Test
    void textInAnAmountCellIsReportedOnThatCellAsTyped() throws Exception {
        BudgetLayout layout = BudgetLayout.french().set(BudgetLine.CATERING, BudgetColumn.EXPENSES_IN_KIND, "à définir");

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).filteredOn(f -> f.code() == FindingCode.AMOUNT_NOT_A_NUMBER).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.cell()).isEqualTo(layout.address(BudgetLine.CATERING, BudgetColumn.EXPENSES_IN_KIND));
            assertThat(finding.found()).isEqualTo("à définir");
        });
    }

    @Test
    void formulaThatFailsIsReportedWithItsErrorNotReadAsZero() throws Exception {
        BudgetLayout layout = BudgetLayout.french()
                .set(BudgetLine.COMMUNICATION, BudgetColumn.EXPENSES_CASH, new BudgetLayout.Formula("300/0", BigDecimal.ZERO));

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).filteredOn(f -> f.code() == FindingCode.AMOUNT_NOT_A_NUMBER).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo(layout.address(BudgetLine.COMMUNICATION, BudgetColumn.EXPENSES_CASH));
            assertThat(finding.found()).isEqualTo("#DIV/0!");
        });
    }

    @Test
    void negativeAmountIsReportedOnThatCell() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().set(BudgetLine.STAFF_TIME, BudgetColumn.RECEIPTS_IN_KIND, "(7.500,00)")
                .setTotal(BudgetColumn.RECEIPTS_IN_KIND, 1000.0);

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).extracting(Finding::code).contains(FindingCode.AMOUNT_NEGATIVE);
        assertThat(findings).filteredOn(f -> f.code() == FindingCode.AMOUNT_NEGATIVE).singleElement().satisfies(finding -> {
            assertThat(finding.cell()).isEqualTo(layout.address(BudgetLine.STAFF_TIME, BudgetColumn.RECEIPTS_IN_KIND));
            assertThat(finding.found()).isEqualTo("-7500.00");
        });
    }

    @Test
    void wrongTotalIsReportedOnTheTotalCellWithTheColumnSum() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian().setTotal(BudgetColumn.EXPENSES_IN_KIND, 1.0)
                .setTotal(BudgetColumn.RECEIPTS_IN_KIND, 1.0);
        BigDecimal sum = layout.sum(BudgetColumn.EXPENSES_IN_KIND);

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).filteredOn(f -> f.code() == FindingCode.TOTAL_MISMATCH)
                .extracting(Finding::cell, Finding::found, Finding::expected)
                .containsExactly(
                        tuple(layout.address(BudgetLine.TOTAL, BudgetColumn.EXPENSES_IN_KIND),
                                "1.00", PlainAmounts.of(sum)),
                        tuple(layout.address(BudgetLine.TOTAL, BudgetColumn.RECEIPTS_IN_KIND),
                                "1.00", PlainAmounts.of(sum)));
    }

    @Test
    void unbalancedBudgetIsAnsweredWithTheCellsThatDiffer() throws Exception {
        BudgetLayout layout = BudgetLayout.french().set(BudgetLine.TRAVEL, BudgetColumn.RECEIPTS_CASH, 1500.0);
        String expenses = PlainAmounts.of(layout.sum(BudgetColumn.EXPENSES_CASH));
        String receipts = PlainAmounts.of(layout.sum(BudgetColumn.RECEIPTS_CASH));

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).allSatisfy(f -> assertThat(f.code()).isEqualTo(FindingCode.UNBALANCED_CASH))
                .extracting(Finding::cell, Finding::found, Finding::expected)
                .containsExactly(
                        tuple(layout.address(BudgetLine.TOTAL, BudgetColumn.EXPENSES_CASH), expenses, receipts),
                        tuple(layout.address(BudgetLine.TOTAL, BudgetColumn.RECEIPTS_CASH), receipts, expenses));
    }

    @Test
    void inKindImbalanceIsReportedSeparatelyFromCash() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().set(BudgetLine.STAFF_TIME, BudgetColumn.EXPENSES_IN_KIND, 9000.0);

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).extracting(Finding::code).containsOnly(FindingCode.UNBALANCED_IN_KIND);
        assertThat(findings).extracting(Finding::cell).containsExactly(
                layout.address(BudgetLine.TOTAL, BudgetColumn.EXPENSES_IN_KIND),
                layout.address(BudgetLine.TOTAL, BudgetColumn.RECEIPTS_IN_KIND));
    }

    @Test
    void amountsWithinTheToleranceOfACentBalance() throws Exception {
        BudgetLayout layout = BudgetLayout.french().set(BudgetLine.TRAVEL, BudgetColumn.RECEIPTS_CASH, 2000.01);

        assertThat(validate(layout).findings()).isEmpty();
    }

    @Test
    void budgetNamingNoCurrencyForAnOrganiserOfUnknownCountryIsReportedOnItsTitle() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withoutCurrencyNote();

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CURRENCY_UNKNOWN);
            assertThat(finding.cell()).isEqualTo(layout.titleAddress());
            assertThat(finding.expected()).contains("EUR", "RON", "BGN", "MDL");
        });
    }

    @Test
    void budgetTheCallerCouldNotTieToASeminarIsReportedOnItsTitle() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian();
        BudgetSheet sheet = READER.read(SpreadsheetFiles.xlsx(layout), "b.xlsx");

        List<Finding> findings = VALIDATOR.validate(sheet, BudgetContext.of(null, null, 2009)).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.SEMINAR_UNKNOWN);
            assertThat(finding.cell()).isEqualTo(layout.titleAddress());
            assertThat(finding.found()).contains(BudgetLayout.BULGARIAN.title());
        });
    }

    @Test
    void translationLeftAtZeroIsAWarningThatStillAcceptsTheBudget() throws Exception {
        BudgetLayout layout = BudgetLayout.french()
                .set(BudgetLine.TRANSLATION, BudgetColumn.EXPENSES_CASH, 0.0).set(BudgetLine.TRANSLATION, BudgetColumn.RECEIPTS_CASH, 0.0)
                .set(BudgetLine.TRANSLATION, BudgetColumn.EXPENSES_IN_KIND, null).set(BudgetLine.TRANSLATION, BudgetColumn.RECEIPTS_IN_KIND, null);

        ValidationResult result = validate(layout);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.TRANSLATION_ABSENT_OR_ZERO);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.cell()).isEqualTo(layout.labelAddress(BudgetLine.TRANSLATION));
        });
        assertThat(result.accepted()).isTrue();
    }

    @Test
    void accommodationAndCateringOutsideThePlausibleRangeAreWarnedAfterConversionToEur() throws Exception {
        // 2 500 RON is about 500 EUR: too little to lodge 40 people; 30 000 RON of catering is too much for 50
        BudgetLayout layout = BudgetLayout.romanian()
                .set(BudgetLine.ACCOMMODATION, BudgetColumn.EXPENSES_CASH, 2500.0).set(BudgetLine.ACCOMMODATION, BudgetColumn.RECEIPTS_CASH, 2500.0)
                .set(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH, 30000.0).set(BudgetLine.CATERING, BudgetColumn.RECEIPTS_CASH, 30000.0);
        ValidationRules rules = CONFIG.rules();

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).extracting(Finding::code, Finding::cell).containsExactly(
                tuple(FindingCode.ACCOMMODATION_IMPLAUSIBLE, layout.labelAddress(BudgetLine.ACCOMMODATION)),
                tuple(FindingCode.CATERING_IMPLAUSIBLE, layout.labelAddress(BudgetLine.CATERING)));
        assertThat(findings.get(0).found()).isEqualTo(PlainAmounts.of(CONFIG.rates().toEur(new BigDecimal("2500"), "RON", Optional.of(2009)).orElseThrow()));
        ValidationRules.Range range = rules.plausibleTotalEur(BudgetLine.ACCOMMODATION);
        assertThat(findings.get(0).expected()).isEqualTo(PlainAmounts.range(range.min(), range.max()));
    }

    @Test
    void totalsAreAlsoGivenInEurAtTheRatesOfTheSeminarsYear() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian();

        ValidationResult result = validate(layout);

        BigDecimal expensesCash = layout.sum(BudgetColumn.EXPENSES_CASH);
        assertThat(result.totals().get(BudgetColumn.EXPENSES_CASH)).isEqualByComparingTo(expensesCash);
        assertThat(result.totalsInEur()).hasValueSatisfying(eur -> assertThat(eur.get(BudgetColumn.EXPENSES_CASH))
                .isEqualByComparingTo(CONFIG.rates().toEur(expensesCash, "BGN", Optional.of(2009)).orElseThrow()));
    }

    @Test
    void lineOutsideTheModelIsWarnedAndStillCountsInTheSums() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withExtraLine("Divers et imprévus", 250.0);

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.BUDGET_LINE_UNKNOWN);
            assertThat(finding.found()).isEqualTo("Divers et imprévus");
        });
    }

    @Test
    void missingInKindColumnsAreReported() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withoutInKindHeaders();

        List<Finding> findings = validate(layout).findings();

        assertThat(findings).extracting(Finding::code).containsOnly(FindingCode.BUDGET_COLUMN_MISSING);
        assertThat(findings).extracting(f -> f.column().orElseThrow())
                .containsExactly(BudgetColumn.EXPENSES_IN_KIND, BudgetColumn.RECEIPTS_IN_KIND);
    }

    @Test
    void aTotalWhoseFormulaCannotBeComputedIsWarnedAndItsColumnsSumStandsInForIt() throws Exception {
        BudgetLayout layout = BudgetLayout.french();
        BigDecimal sum = layout.sum(BudgetColumn.EXPENSES_CASH);
        layout.setTotal(BudgetColumn.EXPENSES_CASH, new BudgetLayout.Formula("SUM(INDIRECT(\"A1:A2\"))+" + sum, sum));

        ValidationResult result = validate(layout);

        assertThat(result.accepted()).isTrue();
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.TOTAL_NOT_COMPUTED);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.found()).isEqualTo("=SUM(INDIRECT(\"A1:A2\"))+" + sum);
            assertThat(finding.expected()).isEqualTo(PlainAmounts.of(sum));
        });
        assertThat(result.totals().get(BudgetColumn.EXPENSES_CASH)).isEqualByComparingTo(sum);
    }

    private static ValidationResult validate(BudgetLayout layout) throws UnreadableSpreadsheetException {
        return VALIDATOR.validate(READER.read(SpreadsheetFiles.xlsx(layout), "budget.xlsx"), BudgetContext.of(SEMINAR, null, 2009));
    }
}
