package org.relais.budget;

import org.relais.spreadsheet.SpreadsheetFormat;
import org.relais.spreadsheet.CsvText;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.CellAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.currencyOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

class BudgetSheetReaderTest {

    @Test
    void frenchXlsxIsReadLineByLineWithTheAddressOfEveryAmount() throws Exception {
        BudgetLayout layout = BudgetLayout.french();

        BudgetSheet sheet = READER.read(SpreadsheetFiles.xlsx(layout), "budget-savoie.xlsx");

        assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.XLSX);
        assertThat(sheet.sheetName()).isEqualTo("Budget");
        assertThat(sheet.language()).contains("fr");
        assertThat(currencyOf(sheet)).contains("EUR");
        assertThat(sheet.title()).contains(BudgetLayout.FRENCH.title());
        assertThat(sheet.titleCell()).isEqualTo(layout.titleAddress());
        assertThat(sheet.rows()).extracting(BudgetRow::line).containsExactlyElementsOf(BudgetLine.MODEL);
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void romanianXlsFarFromA1WithBlankRowsColumnsAndNotesIsFoundByItsLabels() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().at(6, 3).withBlankColumnAfterLabels()
                .withBlankRowAfter(BudgetLine.CATERING)
                .withNoteBelow("Traducere: în română, bulgară și franceză")
                .withNoteBelow("Cazare: 1 noapte pentru participanții locali");

        BudgetSheet sheet = READER.read(SpreadsheetFiles.xls(layout), "buget.xls");

        assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.XLS);
        assertThat(sheet.language()).contains("ro");
        assertThat(currencyOf(sheet)).contains("RON");
        assertThat(sheet.rows()).extracting(BudgetRow::line).containsExactlyElementsOf(BudgetLine.MODEL);
        assertThat(sheet.rowsOf(BudgetLine.ACCOMMODATION).get(0).labelCell()).isEqualTo(layout.labelAddress(BudgetLine.ACCOMMODATION));
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void bulgarianOdsWithAmountsTypedAsTextInLevaIsRead() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian().withoutCurrencyNote()
                .amountsAsText(value -> SpreadsheetFiles.frenchNumber(value) + " лв.");

        BudgetSheet sheet = READER.read(SpreadsheetFiles.ods(layout), "бюджет.ods");

        assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.ODS);
        assertThat(sheet.language()).contains("bg");
        assertThat(currencyOf(sheet)).contains("BGN");
        Amount accommodation = sheet.amountAt(layout.address(BudgetLine.ACCOMMODATION, BudgetColumn.EXPENSES_CASH)).orElseThrow();
        assertThat(accommodation.rawText()).isEqualTo(SpreadsheetFiles.frenchNumber(5000) + " лв.");
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void headersAreUnderstoodWhetherTheSideCellsAreMergedOrNot() throws Exception {
        BudgetLayout layout = BudgetLayout.french();

        BudgetSheet merged = READER.read(SpreadsheetFiles.xlsx(layout), "a.xlsx");
        BudgetSheet unmerged = READER.read(SpreadsheetFiles.xlsxWithoutMergedHeaders(layout), "b.xlsx");

        assertThat(merged.columnHeaders()).containsOnlyKeys(BudgetColumn.values());
        assertThat(unmerged.columnHeaders()).isEqualTo(merged.columnHeaders());
    }

    @Test
    void sideAndKindWrittenInOneHeaderCellAreUnderstood() throws Exception {
        String csv = """
                Poste;Dépenses en numéraire;Dépenses valorisées (en nature);Recettes en numéraire;Recettes en nature
                Déplacements;100;0;100;0
                Hébergement;2000;0;2000;0
                Repas;1500;0;1500;0
                Total;3600;0;3600;0
                """;

        BudgetSheet sheet = READER.read(csv.getBytes(StandardCharsets.UTF_8), "budget.csv");

        assertThat(sheet.columnHeaders()).containsOnlyKeys(BudgetColumn.values());
        assertThat(sheet.amountAt("budget!D3").orElseThrow().value()).contains(new BigDecimal("2000"));
    }

    @Test
    void formulaResultsSavedWithTheFileAreUsedAndMissingOnesAreComputed() throws Exception {
        BudgetLayout layout = BudgetLayout.french().withTotalsAsFormulas();
        String total = layout.address(BudgetLine.TOTAL, BudgetColumn.EXPENSES_CASH);

        BudgetSheet computed = READER.read(SpreadsheetFiles.xlsx(layout), "computed.xlsx");
        BudgetSheet cached = READER.read(withCachedValue(SpreadsheetFiles.xlsx(layout), layout, 999), "cached.xlsx");

        assertValue(computed.amountAt(total).orElseThrow(), layout.sum(BudgetColumn.EXPENSES_CASH));
        assertValue(cached.amountAt(total).orElseThrow(), new BigDecimal("999"));
    }

    @Test
    void csvWithSemicolonsAndDecimalCommasInWindows1250IsRead() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().inSheet("buget-arges");
        // Windows-1250 only has the cedilla forms ş ţ, which Romanian Windows users type
        byte[] csv = SpreadsheetFiles.csv(layout, ';', SpreadsheetFiles::romanianNumber)
                .replace('ș', 'ş').replace('ț', 'ţ').getBytes(CsvText.WINDOWS_1250);

        BudgetSheet sheet = READER.read(csv, "buget-arges.csv");

        assertThat(sheet.format()).isEqualTo(SpreadsheetFormat.CSV);
        assertThat(sheet.sheetName()).isEqualTo("buget-arges");
        assertThat(sheet.language()).contains("ro");
        assertThat(sheet.title()).contains("Argeş");
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void csvWithCommasAndQuotedAmountsInUtf8IsRead() throws Exception {
        BudgetLayout layout = BudgetLayout.french().inSheet("budget");
        byte[] csv = SpreadsheetFiles.csv(layout, ',', SpreadsheetFiles::frenchNumber).getBytes(StandardCharsets.UTF_8);

        BudgetSheet sheet = READER.read(csv, "budget.csv");

        assertThat(sheet.language()).contains("fr");
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void csvInWindows1251IsReadAsBulgarian() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian().inSheet("budget-varna");
        byte[] csv = SpreadsheetFiles.csv(layout, ';', SpreadsheetFiles::bulgarianNumber).getBytes(CsvText.WINDOWS_1251);

        BudgetSheet sheet = READER.read(csv, "budget-varna.csv");

        assertThat(sheet.language()).contains("bg");
        assertThat(currencyOf(sheet)).contains("BGN");
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void tableOnASecondSheetBehindACoverPageIsFound() throws Exception {
        BudgetLayout layout = BudgetLayout.french();
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(SpreadsheetFiles.xlsx(layout)))) {
            XSSFSheet cover = workbook.createSheet("Couverture");
            cover.createRow(0).createCell(0).setCellValue("Séminaire de Savoie – dossier financier");
            workbook.setSheetOrder("Couverture", 0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            file = out.toByteArray();
        }

        BudgetSheet sheet = READER.read(file, "dossier.xlsx");

        assertThat(sheet.sheetName()).isEqualTo("Budget");
        assertEveryAmountMatches(layout, sheet);
    }

    @Test
    void sheetWithoutTheModelIsRefusedAsTableNotFound() {
        byte[] csv = "Nom;Prénom\nDupont;Marie\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> READER.read(csv, "participants.csv"))
                .isInstanceOfSatisfying(UnreadableSpreadsheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TABLE_NOT_FOUND));
    }

    private static void assertEveryAmountMatches(BudgetLayout layout, BudgetSheet sheet) {
        for (BudgetLine line : BudgetLine.MODEL) {
            BudgetRow row = sheet.rowsOf(line).get(0);
            assertThat(row.labelCell()).isEqualTo(layout.labelAddress(line));
            for (BudgetColumn column : BudgetColumn.values()) {
                Amount amount = row.amount(column).orElseThrow();
                assertThat(amount.cell()).isEqualTo(layout.address(line, column));
                BigDecimal expected = line == BudgetLine.TOTAL ? layout.sum(column) : layout.value(line, column);
                assertValue(amount, expected);
            }
        }
    }

    static void assertValue(Amount amount, BigDecimal expected) {
        assertThat(amount.value()).as(amount.cell()).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(expected));
    }

    private static byte[] withCachedValue(byte[] xlsx, BudgetLayout layout, double cached) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var reference = CellAddresses.parse(layout.address(BudgetLine.TOTAL, BudgetColumn.EXPENSES_CASH));
            var cell = workbook.getSheet(layout.sheetName()).getRow(reference.getRow()).getCell(reference.getCol());
            cell.getCTCell().setV(String.valueOf(cached));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
