package org.relais.budget;

import org.relais.spreadsheet.SpreadsheetFormat;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.CellAddresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relais.budget.TestConfig.CONFIG;
import static org.relais.budget.TestConfig.MESSAGES;
import static org.relais.budget.TestConfig.READER;
import static org.relais.budget.TestConfig.VALIDATOR;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BudgetAnnotatorTest {

    private static final BudgetAnnotator ANNOTATOR = new BudgetAnnotator(CONFIG, MESSAGES);

    @Test
    void xlsxCopyCarriesTheMessagesOnTheCellsThatDifferAndLeavesTheOthersAlone() throws Exception {
        BudgetLayout layout = BudgetLayout.romanian().set(BudgetLine.TRAVEL, BudgetColumn.RECEIPTS_CASH, 1500.0)
                .set(BudgetLine.TRANSLATION, BudgetColumn.EXPENSES_CASH, 0.0).set(BudgetLine.TRANSLATION, BudgetColumn.EXPENSES_IN_KIND, 0.0)
                .set(BudgetLine.TRANSLATION, BudgetColumn.RECEIPTS_CASH, 0.0).set(BudgetLine.TRANSLATION, BudgetColumn.RECEIPTS_IN_KIND, 0.0);
        byte[] original = SpreadsheetFiles.xlsx(layout);
        List<Finding> findings = findings(original, "buget-arges.xlsx");

        AnnotatedCopy copy = ANNOTATOR.annotate(original, "buget-arges.xlsx", findings, "ro");

        assertThat(copy.fileName()).isEqualTo("buget-arges-relais.xlsx");
        assertThat(copy.mediaType()).isEqualTo(SpreadsheetFormat.XLSX.mediaType());
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(copy.bytes()))) {
            for (Finding finding : findings) {
                Cell cell = cellAt(workbook, finding.cell());
                assertThat(cell.getCellComment()).as(finding.cell()).isNotNull();
                assertThat(cell.getCellComment().getString().getString()).contains(MESSAGES.render(finding, "ro"));
                short colour = finding.severity() == Severity.ERROR ? IndexedColors.ROSE.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex();
                assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(colour);
                assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            }
            assertThat(findings).extracting(Finding::code).contains(FindingCode.UNBALANCED_CASH, FindingCode.TRANSLATION_ABSENT_OR_ZERO);
            Cell untouched = cellAt(workbook, layout.address(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH));
            assertThat(untouched.getCellComment()).isNull();
            assertThat(untouched.getNumericCellValue()).isEqualTo(((Double) 9000.0));
        }
    }

    @Test
    void xlsCopyStaysAnXlsWithItsComments() throws Exception {
        BudgetLayout layout = BudgetLayout.bulgarian().set(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH, "не знам");
        byte[] original = SpreadsheetFiles.xls(layout);
        List<Finding> findings = findings(original, "бюджет.xls");

        AnnotatedCopy copy = ANNOTATOR.annotate(original, "бюджет.xls", findings, "bg");

        assertThat(copy.fileName()).isEqualTo("бюджет-relais.xls");
        try (Workbook workbook = new HSSFWorkbook(new ByteArrayInputStream(copy.bytes()))) {
            Cell cell = cellAt(workbook, layout.address(BudgetLine.CATERING, BudgetColumn.EXPENSES_CASH));
            assertThat(cell.getCellComment().getString().getString()).contains("„не знам“", "Храна");
            assertThat(cell.getStringCellValue()).isEqualTo("не знам");
        }
    }

    @Test
    void odsAndCsvComeBackAsXlsxWithTheCommentsAtTheSameAddresses() throws Exception {
        BudgetLayout ods = BudgetLayout.french().withoutCurrencyNote().set(BudgetLine.ACCOMMODATION, BudgetColumn.EXPENSES_CASH, -20.0);
        BudgetLayout csv = BudgetLayout.french().inSheet("budget").set(BudgetLine.ACCOMMODATION, BudgetColumn.EXPENSES_CASH, -20.0);
        byte[] odsFile = SpreadsheetFiles.ods(ods);
        byte[] csvFile = SpreadsheetFiles.csv(csv, ';', SpreadsheetFiles::frenchNumber).getBytes(StandardCharsets.UTF_8);

        for (var sent : List.of(new Object[]{odsFile, "budget.ods", ods}, new Object[]{csvFile, "budget.csv", csv})) {
            byte[] original = (byte[]) sent[0];
            String name = (String) sent[1];
            BudgetLayout layout = (BudgetLayout) sent[2];
            List<Finding> findings = findings(original, name);

            AnnotatedCopy copy = ANNOTATOR.annotate(original, name, findings, "fr");

            assertThat(copy.fileName()).isEqualTo("budget-relais.xlsx");
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(copy.bytes()))) {
                assertThat(workbook).isInstanceOf(XSSFWorkbook.class);
                Cell negative = cellAt(workbook, layout.address(BudgetLine.ACCOMMODATION, BudgetColumn.EXPENSES_CASH));
                assertThat(negative.getCellComment().getString().getString()).contains("négatif");
                for (Finding finding : findings) {
                    assertThat(cellAt(workbook, finding.cell()).getCellComment()).as(name + " " + finding.cell()).isNotNull();
                }
                assertThat(cellAt(workbook, layout.labelAddress(BudgetLine.TRAVEL)).getStringCellValue())
                        .isEqualTo(BudgetLayout.FRENCH.lines().get(BudgetLine.TRAVEL));
            }
        }
    }

    @Test
    void severalFindingsOnOneCellShareOneComment() throws Exception {
        BudgetLayout layout = BudgetLayout.french().without(BudgetLine.COMMUNICATION).without(BudgetLine.ROOM_HIRE);
        byte[] original = SpreadsheetFiles.xlsx(layout);
        List<Finding> findings = findings(original, "budget.xlsx");

        AnnotatedCopy copy = ANNOTATOR.annotate(original, "budget.xlsx", findings, "fr");

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(copy.bytes()))) {
            String comment = cellAt(workbook, layout.labelAddress(BudgetLine.TOTAL)).getCellComment().getString().getString();
            assertThat(comment).contains("Communication", "Location de salles de réunion");
        }
    }

    private static List<Finding> findings(byte[] file, String name) throws UnreadableSpreadsheetException {
        List<Finding> findings = VALIDATOR.validate(READER.read(file, name), BudgetContext.of("S1-ARGES", null, 2009)).findings();
        assertThat(findings).isNotEmpty();
        return findings;
    }

    private static Cell cellAt(Workbook workbook, String address) {
        CellReference reference = CellAddresses.parse(address);
        return workbook.getSheet(reference.getSheetName()).getRow(reference.getRow()).getCell(reference.getCol());
    }
}
