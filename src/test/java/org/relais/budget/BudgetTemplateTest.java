package org.relais.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.CONFIG;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.VALIDATOR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetTemplateTest {

    private static final BudgetTemplate TEMPLATE = new BudgetTemplate(CONFIG);

    /** Expenses per line, cash and in kind, in EUR; receipts are given per kind in a single line. */
    private static final Map<BudgetLine, double[]> EXPENSES_EUR = Map.of(
            BudgetLine.TRAVEL, new double[]{1800, 0},
            BudgetLine.ACCOMMODATION, new double[]{2200.5, 0},
            BudgetLine.CATERING, new double[]{1500, 250},
            BudgetLine.TRANSLATION, new double[]{0, 1200},
            BudgetLine.COMMUNICATION, new double[]{350, 0},
            BudgetLine.ROOM_HIRE, new double[]{0, 600},
            BudgetLine.STAFF_TIME, new double[]{0, 2000});

    @ParameterizedTest
    @CsvSource({"fr, EUR, 1", "ro, RON, 5", "bg, BGN, 2"})
    void templateFilledWithBalancedAmountsIsReadBackAndAccepted(String language, String currency, int unitsPerEuro)
            throws Exception {
        byte[] filled = fillBalanced(TEMPLATE.generate(language, "Județul Argeș", currency), unitsPerEuro);

        BudgetSheet sheet = READER.read(filled, "template.xlsx");
        ValidationResult result = VALIDATOR.validate(sheet, BudgetContext.of("S1-ARGES", "RO", 2009));

        assertThat(sheet.language()).contains(language);
        assertThat(result.currency()).contains(currency);
        assertThat(sheet.title()).contains("Județul Argeș");
        assertThat(sheet.rows()).extracting(BudgetRow::line).containsExactlyElementsOf(BudgetLine.MODEL);
        assertThat(result.findings()).isEmpty();
        assertThat(result.totals().get(BudgetColumn.EXPENSES_CASH))
                .isEqualByComparingTo(String.valueOf(5850.5 * unitsPerEuro));
    }

    @ParameterizedTest
    @CsvSource({"fr", "ro", "bg"})
    void totalRowHoldsWorkingSumFormulasOverTheSevenLines(String language) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(TEMPLATE.generate(language, "", "EUR")))) {
            Sheet sheet = workbook.getSheetAt(0);
            int totalRow = BudgetTemplate.rowIndex(BudgetLine.TOTAL);
            for (BudgetColumn column : BudgetColumn.values()) {
                Cell total = sheet.getRow(totalRow).getCell(BudgetTemplate.columnIndex(column));
                assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
                sheet.getRow(BudgetTemplate.rowIndex(BudgetLine.TRAVEL)).getCell(BudgetTemplate.columnIndex(column)).setCellValue(10);
                sheet.getRow(BudgetTemplate.rowIndex(BudgetLine.STAFF_TIME)).getCell(BudgetTemplate.columnIndex(column)).setCellValue(5);
                assertThat(workbook.getCreationHelper().createFormulaEvaluator().evaluate(total).getNumberValue()).isEqualTo(15.0);
            }
            assertThat(sheet.getRow(BudgetTemplate.rowIndex(BudgetLine.ACCOMMODATION)).getCell(0).getStringCellValue())
                    .isEqualTo(CONFIG.labels().label(BudgetLine.ACCOMMODATION, language));
        }
    }

    private static byte[] fillBalanced(byte[] template, int unitsPerEuro) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            double cash = 0;
            double inKind = 0;
            for (Map.Entry<BudgetLine, double[]> line : EXPENSES_EUR.entrySet()) {
                var row = sheet.getRow(BudgetTemplate.rowIndex(line.getKey()));
                row.getCell(BudgetTemplate.columnIndex(BudgetColumn.EXPENSES_CASH)).setCellValue(line.getValue()[0] * unitsPerEuro);
                row.getCell(BudgetTemplate.columnIndex(BudgetColumn.EXPENSES_IN_KIND)).setCellValue(line.getValue()[1] * unitsPerEuro);
                cash += line.getValue()[0] * unitsPerEuro;
                inKind += line.getValue()[1] * unitsPerEuro;
            }
            // the organiser receives the cash from the funders and gives its staff time in kind
            var staff = sheet.getRow(BudgetTemplate.rowIndex(BudgetLine.STAFF_TIME));
            staff.getCell(BudgetTemplate.columnIndex(BudgetColumn.RECEIPTS_CASH)).setCellValue(cash);
            staff.getCell(BudgetTemplate.columnIndex(BudgetColumn.RECEIPTS_IN_KIND)).setCellValue(inKind);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
