package org.relais.bench;

import org.relais.spreadsheet.UnreadableSpreadsheetException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.relais.budget.BudgetConfig;
import org.relais.budget.BudgetContext;
import org.relais.support.Spreadsheets;
import org.relais.budget.BudgetSheet;
import org.relais.budget.BudgetSheetReader;
import org.relais.budget.BudgetValidator;
import org.relais.attendance.AttendanceReader;
import org.relais.attendance.AttendanceVocabulary;
import org.relais.corpus.Corpus;
import org.relais.spreadsheet.WorkbookLoader;
import org.relais.spreadsheet.UnreadableSpreadsheetException;

/**
 * Budget validation per file: Relais reading (table found by its labels, local number formats) and validating a
 * typical forecast, against a baseline that only opens the same workbook with POI and reads every cell. Then the
 * peak heap for a 10 MB sheet, Relais against the same baseline. Last, the whole corpus of files made by partners'
 * tools (src/test/resources/corpus): time per file kind, and the verdicts that differ from the manifest's, which
 * fail the scenario.
 */
final class BudgetValidationBench implements Benchmarks.Scenario {

    private static final int WARM_UP = 300;
    private static final int MEASURED = 1000;
    private static final int CORPUS_ROUNDS = 20;

    @Override
    public void run() throws Exception {
        BudgetConfig config = BudgetConfig.load(Path.of("config/budget"));
        BudgetSheetReader reader = new BudgetSheetReader(config);
        BudgetValidator validator = new BudgetValidator(config);
        byte[] typical = typicalForecast();

        for (int i = 0; i < WARM_UP; i++) {
            validate(reader, validator, typical);
            baseline(typical);
        }
        long[] relais = new long[MEASURED];
        long[] poi = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            validate(reader, validator, typical);
            relais[i] = System.nanoTime() - start;
            start = System.nanoTime();
            baseline(typical);
            poi[i] = System.nanoTime() - start;
        }
        Stats ours = Stats.of(relais);
        Stats base = Stats.of(poi);
        System.out.printf("typical forecast (.xlsx, %d bytes), %d runs after %d warm-up%n", typical.length, MEASURED,
                WARM_UP);
        System.out.printf("  relais read+validate  p50 %.2f ms  p95 %.2f ms   (target p50 <= 50 ms)%n", ours.p50(), ours.p95());
        System.out.printf("  baseline POI open+read p50 %.2f ms  p95 %.2f ms%n", base.p50(), base.p95());
        System.out.printf("  ratio relais/baseline p50 %.2f%n", ours.p50() / base.p50());

        byte[] large = largeSheet(10 * 1024 * 1024);
        long ourPeak = peakHeapOf(() -> {
            try {
                validate(reader, validator, large);
            } catch (UnreadableSpreadsheetException e) {
                System.out.println("  10 MB sheet: relais refuses it: " + e.reason() + " (" + e.getMessage() + ")");
            }
        });
        System.out.printf("sheet of %.1f MB%n", large.length / 1048576.0);
        System.out.printf("  relais peak heap %d MB%n", ourPeak >> 20);
        try {
            long basePeak = peakHeapOf(() -> baseline(large));
            System.out.printf("  baseline POI peak heap %d MB, ratio relais/baseline %.2f%n", basePeak >> 20,
                    (double) ourPeak / basePeak);
        } catch (OutOfMemoryError e) {
            // the baseline loads the whole sheet: past the heap, which is the point of the reader's limits
            System.out.printf("  baseline POI: OutOfMemoryError within the %d MB heap%n",
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        corpus(reader, validator, new WorkbookLoader(config.limits()));
    }

    /**
     * Every file of the corpus read and judged {@value #CORPUS_ROUNDS} times after one warm-up round: p50/p95 per
     * kind of file, and the number of wrong verdicts (target 0), each named.
     */
    private static void corpus(BudgetSheetReader reader, BudgetValidator validator, WorkbookLoader loader) {
        List<Corpus.BudgetCase> budgets = Corpus.budgets();
        List<Corpus.AttendanceCase> sheets = Corpus.attendance();
        AttendanceReader attendance = new AttendanceReader(
                AttendanceVocabulary.load(Path.of("config/attendance/columns.yaml")));
        Map<String, List<Long>> nanosByKind = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round <= CORPUS_ROUNDS; round++) {
            for (Corpus.BudgetCase budget : budgets) {
                byte[] file = Corpus.bytes(budget.file());
                long start = System.nanoTime();
                List<String> differences = Corpus.differences(budget, file, reader, validator);
                record(nanosByKind, "budget " + budget.kind(), round, System.nanoTime() - start);
                if (round == 0 && !differences.isEmpty()) {
                    wrong.add(budget.file() + ": " + differences);
                }
            }
            for (Corpus.AttendanceCase sheet : sheets) {
                byte[] file = Corpus.bytes(sheet.file());
                long start = System.nanoTime();
                List<String> differences = Corpus.differences(sheet, file, loader, attendance);
                record(nanosByKind, "attendance " + sheet.kind(), round, System.nanoTime() - start);
                if (round == 0 && !differences.isEmpty()) {
                    wrong.add(sheet.file() + ": " + differences);
                }
            }
        }
        System.out.printf("corpus: %d budgets, %d attendance sheets made by LibreOffice, openpyxl and CSV exports, "
                + "read and judged %d times each after a warm-up%n", budgets.size(), sheets.size(), CORPUS_ROUNDS);
        nanosByKind.forEach((kind, nanos) -> {
            Stats stats = Stats.of(nanos.stream().mapToLong(Long::longValue).toArray());
            System.out.printf("  %-24s %4d runs  p50 %6.2f ms  p95 %6.2f ms%n", kind, nanos.size(), stats.p50(), stats.p95());
        });
        System.out.printf("  wrong verdicts: %d (target 0)%n", wrong.size());
        wrong.forEach(line -> System.out.println("    " + line));
        if (!wrong.isEmpty()) {
            throw new IllegalStateException(wrong.size() + " wrong verdicts in the corpus");
        }
    }

    private static void record(Map<String, List<Long>> nanosByKind, String kind, int round, long nanos) {
        if (round > 0) {
            nanosByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
        }
    }

    private static void validate(BudgetSheetReader reader, BudgetValidator validator, byte[] file)
            throws UnreadableSpreadsheetException {
        BudgetSheet sheet = reader.read(file, "buget.xlsx");
        validator.validate(sheet, BudgetContext.of("S1-ARGES", "RO", 2009));
    }

    private static void baseline(byte[] file) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            long cells = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells += cell.toString().length();
                    }
                }
            }
            if (cells < 0) {
                throw new IllegalStateException();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** The most heap used while the work runs, over the heap in use before it (old generation included). */
    private static long peakHeapOf(Work work) throws Exception {
        System.gc();
        long before = used();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        work.run();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return Math.max(0, peak - before);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A typical forecast: the balanced Romanian one the tests use, with an amount typed in a local format. */
    private static byte[] typicalForecast() {
        String[][] rows = Spreadsheets.ROMANIAN_FORECAST.clone();
        rows[4] = rows[4].clone();
        rows[4][2] = "1 200,00 lei";
        return Spreadsheets.workbook("Buget", rows);
    }

    /** A workbook of about {@code bytes}: the budget table followed by rows of notes, written by streaming. */
    private static byte[] largeSheet(int bytes) throws Exception {
        int rows = bytes / 30;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Buget");
            String[][] table = Spreadsheets.ROMANIAN_FORECAST;
            for (int r = 0; r < table.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < table[r].length; c++) {
                    row.createCell(c).setCellValue(table[r][c]);
                }
            }
            for (int r = table.length + 2; r < rows; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < 4; c++) {
                    row.createCell(c).setCellValue(r * 7.0 + c);
                }
                row.createCell(4).setCellValue("note " + Long.toHexString(r * 2654435761L));
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
