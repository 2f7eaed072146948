package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.relais.budget.TestConfig.MESSAGES;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.VALIDATOR;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relais.corpus.Corpus;

/**
 * A budget's currency is found wherever the file names it; "lei" is read by the organiser's country; a budget naming
 * none is judged in the country's currency with a one-line note; two currencies are an error at a cell of each.
 */
class BudgetCurrencyTest {

    @Test
    void aCurrencyStatedUnderTheTableIsTheBudgetsCurrency() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withoutCurrencyNote().withNoteBelow("Devise : EUR");

        ValidationResult result = validate(layout, BudgetContext.of("S4-VARNA", "BG", 2009));

        assertThat(result.currency()).contains("EUR");
        assertThat(result.findings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"RO, RON", "MD, MDL"})
    void leiIsTheCurrencyOfTheOrganisersCountry(String country, String currency) throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().withoutCurrencyNote().withNoteBelow("Sume în lei");

        assertThat(validate(layout, BudgetContext.of("S1-ARGES", country, 2009)).currency()).contains(currency);
    }

    @Test
    void leiNextToAPlainRonIsRonEvenForAMoldovanOrganiser() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().withoutCurrencyNote().withNoteBelow("Sume în lei (RON)");

        assertThat(validate(layout, BudgetContext.of("S6-CAHUL", "MD", 2009)).currency()).contains("RON");
    }

    @Test
    void anExchangeRateNoteNamesNoCurrency() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withoutCurrencyNote().withNoteBelow("Devise : EUR")
                .withNoteBelow("Taux : 1 EUR = 4,2399 lei");

        ValidationResult result = validate(layout, BudgetContext.of("S4-VARNA", "BG", 2009));

        assertThat(result.currency()).contains("EUR");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aBudgetNamingNoCurrencyIsJudgedInTheOrganisersAndSaysSoInOneLine() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian().withoutCurrencyNote();

        ValidationResult result = validate(layout, BudgetContext.of("S4-VARNA", "BG", 2009));

        assertThat(result.accepted()).isTrue();
        assertThat(result.currency()).contains("BGN");
        Finding note = result.findings().get(0);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo(FindingCode.CURRENCY_ASSUMED);
            assertThat(finding.severity()).isEqualTo(Severity.NOTE);
            assertThat(finding.cell()).isEqualTo(layout.titleAddress());
        });
        assertThat(MESSAGES.render(note, "bg")).startsWith("Бележка: ").contains("BGN", "(България)").doesNotContain("\n");
        assertThat(MESSAGES.render(note, "fr")).startsWith("Note\u00A0: ").contains("BGN", "(Bulgarie)");
        assertThat(MESSAGES.render(note, "ro")).startsWith("Notă: ").contains("BGN", "(Bulgaria)");
        assertThat(MESSAGES.render(note, "ru")).startsWith("Примечание: ").contains("BGN", "(Болгария)");
    }

    @Test
    void twoCurrenciesAreAnErrorAtACellOfEachPointingToTheOther() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withoutCurrencyNote()
                .set(BudgetLine.TRAVEL, BudgetColumn.EXPENSES_CASH, "2 000 €")
                .set(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH, "1 800 RON");
        String euros = layout.address(BudgetLine.TRAVEL, BudgetColumn.EXPENSES_CASH);
        String lei = layout.address(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH);

        ValidationResult result = validate(layout, BudgetContext.of("S4-VARNA", "BG", 2009));

        assertThat(result.currency()).isEmpty();
        assertThat(result.findings()).filteredOn(f -> f.code() == FindingCode.CURRENCY_CONFLICT)
                .extracting(Finding::cell, Finding::found, Finding::expected, f -> f.column().orElseThrow())
                .containsExactly(tuple(euros, "EUR", "RON (" + lei + ")", BudgetColumn.EXPENSES_CASH),
                        tuple(lei, "RON", "EUR (" + euros + ")", BudgetColumn.EXPENSES_CASH));
        assertThat(MESSAGES.render(result.findings().get(0), "fr")).contains(euros, "EUR", "RON (" + lei + ")");
    }

    @Test
    void amountsAreJudgedAtTheRatesOfTheSeminarsYear() throws Exception {
        // 10,000 MDL of accommodation: 644 EUR at the 2009 average, 510 EUR at today's rate, under 40 x 15 EUR
        BudgetSheet sheet = READER.read(Corpus.bytes("budgets/md_cahul_mdl_format.lo.xlsx"), "buget.xlsx");

        List<Finding> in2009 = VALIDATOR.validate(sheet, BudgetContext.of("S6-CAHUL", "MD", 2009)).findings();
        List<Finding> today = VALIDATOR.validate(sheet, BudgetContext.of("S6-CAHUL", "MD", 2026)).findings();

        assertThat(in2009).isEmpty();
        assertThat(today).extracting(Finding::code).containsExactly(FindingCode.ACCOMMODATION_IMPLAUSIBLE);
    }

    private static ValidationResult validate(BudgetLayout layout, BudgetContext context) throws Exception {
        return VALIDATOR.validate(READER.read(SpreadsheetFiles.xlsx(layout), "budget.xlsx"), context);
    }
}
