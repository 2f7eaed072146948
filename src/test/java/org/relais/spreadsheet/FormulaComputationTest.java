package org.relais.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Formulas saved without their result are computed within the reading limits' budget, over the used range; what
 * cannot be computed is given as its formula, marked uncomputed, never as a value it does not have.
 */
class FormulaComputationTest {

    private static final ReadingLimits LIMITS = ReadingLimits.load(Path.of("config/spreadsheet/limits.yaml"));
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @Test
    void aWholeColumnRangeIsComputedOverTheUsedRange() throws Exception {
        byte[] file = workbook(sheet -> {
            numbers(sheet, 1200, 300, 45.5);
            sheet.getRow(0).createCell(1).setCellFormula("SUM(A:A)");
        });

        GridCell total = assertTimeoutPreemptively(QUICKLY, () -> cell(load(file, LIMITS, Clock.systemUTC()), 0, 1));

        assertThat(total.uncomputedFormula()).isFalse();
        assertThat(total.number()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1545.5"));
    }

    @Test
    void aWholeSheetRangeFromAnotherSheetIsComputedOverTheUsedRange() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            numbers(workbook.createSheet("Buget"), 10, 20, 30);
            workbook.createSheet("Total").createRow(0).createCell(0).setCellFormula("SUM(Buget!A:XFD)");
            workbook.write(out);
            file = out.toByteArray();
        }

        LoadedWorkbook loaded = assertTimeoutPreemptively(QUICKLY, () -> load(file, LIMITS, Clock.systemUTC()));

        GridCell total = loaded.sheets().get(1).cell(0, 0).orElseThrow();
        assertThat(total.number()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("60"));
    }

    @Test
    void aFormulaReadingMoreCellsThanTheBudgetIsGivenAsItsFormulaUncomputed() throws Exception {
        byte[] file = workbook(sheet -> {
            numbers(sheet, 1, 2, 3);
            sheet.createRow(3).createCell(0).setCellFormula("SUM(A1:A3)");
            // a cell far away makes the used range huge: the range below would read 5,000 x 16,384 cells
            sheet.createRow(4999).createCell(16383).setCellValue("x");
            sheet.getRow(3).createCell(1).setCellFormula("SUM(A1:XFD5000)");
        });
        ReadingLimits tight = withFormulaBudget(1000, LIMITS.formulaTime());

        LoadedWorkbook loaded = assertTimeoutPreemptively(QUICKLY, () -> load(file, tight, Clock.systemUTC()));

        assertThat(cell(loaded, 3, 0).number()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("6"));
        GridCell far = cell(loaded, 3, 1);
        assertThat(far.uncomputedFormula()).isTrue();
        assertThat(far.text()).isEqualTo("=SUM(A1:XFD5000)");
        assertThat(far.number()).isEmpty();
    }

    @Test
    void formulasStillWaitingWhenTheTimeBudgetIsSpentAreGivenUncomputed() throws Exception {
        byte[] file = workbook(sheet -> {
            numbers(sheet, 1, 2, 3);
            sheet.createRow(3).createCell(0).setCellFormula("SUM(A1:A3)");
        });
        Clock stopped = Clock.fixed(Instant.parse("2009-11-17T09:00:00Z"), ZoneOffset.UTC);

        GridCell total = cell(load(file, withFormulaBudget(LIMITS.maxFormulaReads(), Duration.ZERO), stopped), 3, 0);

        assertThat(total.uncomputedFormula()).isTrue();
        assertThat(total.text()).isEqualTo("=SUM(A1:A3)");
    }

    @Test
    void functionsReachingCellsNoFormulaTextNamesAreNotComputed() throws Exception {
        byte[] file = workbook(sheet -> {
            numbers(sheet, 1, 2, 3);
            sheet.createRow(3).createCell(0).setCellFormula("SUM(INDIRECT(\"A1:XFD1048576\"))");
            sheet.getRow(3).createCell(1).setCellFormula("SUM(OFFSET(A1,0,0,3,1))");
        });

        LoadedWorkbook loaded = assertTimeoutPreemptively(QUICKLY, () -> load(file, LIMITS, Clock.systemUTC()));

        assertThat(cell(loaded, 3, 0).uncomputedFormula()).isTrue();
        assertThat(cell(loaded, 3, 1).uncomputedFormula()).isTrue();
    }

    @Test
    void aFormulaSavedWithItsResultKeepsTheResultAsSaved() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Buget");
            numbers(sheet, 1, 2, 3);
            var total = sheet.createRow(3).createCell(0);
            total.setCellFormula("SUM(A1:A3)");
            // what the partner's program showed when it saved, even if the cells say otherwise
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(total);
            sheet.getRow(0).getCell(0).setCellValue(100);
            workbook.write(out);
            file = out.toByteArray();
        }

        assertThat(cell(load(file, LIMITS, Clock.systemUTC()), 3, 0).number())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(BigDecimal.valueOf(6)));
    }

    private static ReadingLimits withFormulaBudget(long reads, Duration time) {
        return new ReadingLimits(LIMITS.maxFileBytes(), LIMITS.maxRows(), LIMITS.maxCells(), LIMITS.maxSheets(),
                LIMITS.maxZipEntries(), LIMITS.maxEntryBytes(), LIMITS.maxUncompressedBytes(), LIMITS.minInflateRatio(),
                reads, time);
    }

    private static LoadedWorkbook load(byte[] file, ReadingLimits limits, Clock clock) throws Exception {
        return new WorkbookLoader(limits, clock).load(file, "buget.xlsx");
    }

    private static GridCell cell(LoadedWorkbook workbook, int row, int column) {
        return workbook.sheets().get(0).cell(row, column).orElseThrow();
    }

    private static void numbers(Sheet sheet, double... values) {
        for (int r = 0; r < values.length; r++) {
            sheet.createRow(r).createCell(0).setCellValue(values[r]);
        }
    }

    private static byte[] workbook(Consumer<Sheet> content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook.createSheet("Buget"));
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
