package org.relais.budget;

import org.relais.spreadsheet.UnreadableSpreadsheetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.CONFIG;
import static org.relais.budget.TestConfig.MESSAGES;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

class BudgetMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ro", "bg", "ru"})
    void everyCheckAndEveryRefusalHasItsOwnMessageInEachLanguage(String language) throws IOException {
        Properties own = new Properties();
        try (Reader reader = Files.newBufferedReader(CONFIG.directory().resolve("messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            own.load(reader);
        }
        for (FindingCode code : FindingCode.values()) {
            assertThat(own).containsKey("finding." + code);
            // an assumed currency carries the organiser's country as its expected value
            Finding finding = Finding.of(code, "Buget!D12", BudgetLine.TRANSLATION, BudgetColumn.RECEIPTS_CASH, "x",
                    code == FindingCode.CURRENCY_ASSUMED ? "MD" : "y");
            assertThat(MESSAGES.render(finding, language)).doesNotContain("{", "}");
        }
        for (Reason reason : Reason.values()) {
            assertThat(own).containsKey("unreadable." + reason);
            assertThat(MESSAGES.render(reason, "buget.xlsx", language)).contains("buget.xlsx").doesNotContain("{", "}");
        }
        for (BudgetLine line : BudgetLine.values()) {
            assertThat(own).containsKey("line." + line);
        }
        for (BudgetColumn column : BudgetColumn.values()) {
            assertThat(own).containsKey("column." + column);
        }
    }

    @Test
    void everyLanguageTheLabelsKnowHasItsMessagesFile() {
        assertThat(MESSAGES.languages()).containsAll(CONFIG.labels().languages());
    }

    @Test
    void findingNamesItsCellLineColumnAndValuesInTheRecipientsLanguage() {
        Finding finding = Finding.of(FindingCode.AMOUNT_NOT_A_NUMBER, "Buget!C8", BudgetLine.CATERING,
                BudgetColumn.EXPENSES_IN_KIND, "de stabilit", "");

        String romanian = MESSAGES.render(finding, "ro");
        String bulgarian = MESSAGES.render(finding, "bg");

        assertThat(romanian).startsWith("Eroare").contains("Buget!C8", "Masă", "Cheltuieli în natură", "„de stabilit”");
        assertThat(bulgarian).startsWith("Грешка").contains("Buget!C8", "Храна", "Разходи – в натура");
    }

    @Test
    void amountsAreWrittenTheWayTheRecipientReadsNumbers() {
        Finding finding = Finding.of(FindingCode.TOTAL_MISMATCH, "Buget!B13", BudgetLine.TOTAL,
                BudgetColumn.EXPENSES_CASH, "12500.00", "1234567.50");
        Finding range = Finding.of(FindingCode.CATERING_IMPLAUSIBLE, "Buget!A8", BudgetLine.CATERING, null,
                "100.50", "400.00..4500.00");

        assertThat(MESSAGES.render(finding, "fr")).contains("12\u00A0500,00", "1\u00A0234\u00A0567,50");
        assertThat(MESSAGES.render(finding, "ro")).contains("12.500,00", "1.234.567,50");
        assertThat(MESSAGES.render(range, "bg")).contains("100,50", "400,00 – 4\u00A0500,00");
    }

    @Test
    void textAsTypedIsQuotedUntouchedAndEmptyValuesAreNamed() {
        Finding typed = Finding.of(FindingCode.AMOUNT_NOT_A_NUMBER, "Budget!B6", BudgetLine.TRAVEL,
                BudgetColumn.EXPENSES_CASH, "environ 12.50", "");
        Finding none = Finding.of(FindingCode.SEMINAR_UNKNOWN, "Budget!B5", null, null, "", "");

        assertThat(MESSAGES.render(typed, "fr")).contains("environ 12.50");
        assertThat(MESSAGES.render(none, "fr")).contains("«\u00A0aucune\u00A0»");
    }

    @Test
    void languageWithoutMessagesFallsBackToFrench() {
        Finding finding = Finding.of(FindingCode.SEMINAR_UNKNOWN, "Budget!A1", null, null, "Бюджет", "");

        assertThat(MESSAGES.render(finding, "en")).isEqualTo(MESSAGES.render(finding, "fr"));
    }
}
