package org.relais.budget;

import org.relais.spreadsheet.ReadingLimits;
import org.relais.spreadsheet.UnreadableSpreadsheetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.relais.budget.TestConfig.CONFIG;
import static org.relais.budget.TestConfig.READER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;
import org.relais.support.HostileFiles;
import org.relais.support.Zips;

class HostileSpreadsheetTest {

    private static final Duration QUICKLY = Duration.ofSeconds(15);

    @Test
    void zipBombIsRefusedBeforeItIsInflated() {
        byte[] xlsxBomb = HostileFiles.xlsxBomb(SpreadsheetFiles.xlsx(BudgetLayout.french()), 64L * 1024 * 1024);
        byte[] odsBomb = HostileFiles.odsBomb(64L * 1024 * 1024);
        assertThat(xlsxBomb.length).isLessThan(1024 * 1024);

        assertRefused(xlsxBomb, "budget.xlsx", Reason.ZIP_BOMB);
        assertRefused(odsBomb, "budget.ods", Reason.ZIP_BOMB);
    }

    @Test
    void externalEntityInAnXlsxIsRefusedAndNeverResolved(@TempDir Path folder) throws IOException {
        Path secret = folder.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-PASSWORD");
        byte[] hostile = HostileFiles.externalEntity(SpreadsheetFiles.xlsx(BudgetLayout.french()), secret.toUri());

        assertRefused(hostile, "budget.xlsx", Reason.UNSAFE_XML);
        // and POI on its own, without our check in front, refuses the DTD rather than reading the file
        Throwable poi = catchThrowable(() -> new XSSFWorkbook(new ByteArrayInputStream(hostile)).close());
        assertThat(stackText(poi)).contains("DOCTYPE is disallowed").doesNotContain("TOP-SECRET-PASSWORD");
    }

    @Test
    void billionLaughsInAnXlsxIsRefusedQuickly() {
        byte[] hostile = HostileFiles.billionLaughs(SpreadsheetFiles.xlsx(BudgetLayout.french()));

        assertTimeoutPreemptively(QUICKLY, () -> assertRefused(hostile, "budget.xlsx", Reason.UNSAFE_XML));
        assertTimeoutPreemptively(QUICKLY, () -> assertThat(stackText(
                catchThrowable(() -> new XSSFWorkbook(new ByteArrayInputStream(hostile)).close()))).contains("DOCTYPE is disallowed"));
    }

    @Test
    void passwordProtectedXlsxIsRefusedAsEncrypted() throws Exception {
        POIFSFileSystem container = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("motdepasse");
        try (OutputStream data = encryptor.getDataStream(container)) {
            data.write(SpreadsheetFiles.xlsx(BudgetLayout.french()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        container.writeFilesystem(out);

        assertRefused(out.toByteArray(), "budget.xlsx", Reason.ENCRYPTED);
    }

    @Test
    void passwordProtectedXlsIsRefusedAsEncrypted() throws Exception {
        byte[] encrypted;
        Biff8EncryptionKey.setCurrentUserPassword("parola");
        try (HSSFWorkbook workbook = new HSSFWorkbook(new ByteArrayInputStream(SpreadsheetFiles.xls(BudgetLayout.romanian())))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            encrypted = out.toByteArray();
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }

        assertRefused(encrypted, "buget.xls", Reason.ENCRYPTED);
    }

    @Test
    void macroEnabledWorkbooksAreRefusedWhateverTheirFormat() throws IOException {
        byte[] xlsm = Zips.rewrite(SpreadsheetFiles.xlsx(BudgetLayout.french()), parts -> {
            parts.put("xl/vbaProject.bin", new byte[]{1, 2, 3});
            parts.put("[Content_Types].xml", new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8)
                    .replace("spreadsheetml.sheet.main+xml", "ms-excel.sheet.macroEnabled.main+xml")
                    .getBytes(StandardCharsets.UTF_8));
        });
        POIFSFileSystem xls = new POIFSFileSystem(new ByteArrayInputStream(SpreadsheetFiles.xls(BudgetLayout.romanian())));
        xls.getRoot().createDirectory("_VBA_PROJECT_CUR").createDocument("VBA", new ByteArrayInputStream(new byte[16]));
        ByteArrayOutputStream xlsWithMacros = new ByteArrayOutputStream();
        xls.writeFilesystem(xlsWithMacros);
        byte[] odsWithBasic = Zips.rewrite(SpreadsheetFiles.ods(BudgetLayout.bulgarian()),
                parts -> parts.put("Basic/Standard/Module1.xml", "<module/>".getBytes(StandardCharsets.UTF_8)));

        assertRefused(xlsm, "budget.xlsm", Reason.MACRO_ENABLED);
        assertRefused(xlsWithMacros.toByteArray(), "buget.xls", Reason.MACRO_ENABLED);
        assertRefused(odsWithBasic, "бюджет.ods", Reason.MACRO_ENABLED);
    }

    @Test
    void damagedFilesAreRefusedAsCorrupt() {
        byte[] xlsx = SpreadsheetFiles.xlsx(BudgetLayout.french());
        byte[] xls = SpreadsheetFiles.xls(BudgetLayout.french());
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertRefused(Arrays.copyOf(xlsx, xlsx.length / 2), "budget.xlsx", Reason.CORRUPT);
        assertRefused(Arrays.copyOf(xls, xls.length / 2), "budget.xls", Reason.CORRUPT);
        assertRefused(noise, "budget.xlsx", Reason.CORRUPT);
        assertRefused(new byte[0], "budget.ods", Reason.CORRUPT);
        assertRefused("PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1), "budget.xlsx", Reason.CORRUPT);
    }

    @Test
    void filesThatAreNotSpreadsheetsAreRefusedAsUnsupported() {
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] docx = Zips.zip(Map.of("[Content_Types].xml", """
                <Types><Override PartName="/word/document.xml"
                ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
                .getBytes(StandardCharsets.UTF_8)));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};

        assertRefused(pdf, "budget.pdf", Reason.UNSUPPORTED_FORMAT);
        assertRefused(docx, "budget.docx", Reason.UNSUPPORTED_FORMAT);
        assertRefused(png, "budget.png", Reason.UNSUPPORTED_FORMAT);
    }

    @Test
    void hundredThousandRowXlsxIsRefusedAsTooLargeWithoutBuildingIt() throws IOException {
        byte[] huge = hundredThousandRowXlsx();

        assertTimeoutPreemptively(QUICKLY, () -> assertRefused(huge, "budget.xlsx", Reason.TOO_LARGE));
    }

    @Test
    void hundredThousandRowCsvIsRefusedAsTooLarge() {
        StringBuilder csv = new StringBuilder("Poste;Dépenses numéraire;Dépenses valorisation\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("Traduction;").append(i).append(";0\n");
        }
        byte[] huge = csv.toString().getBytes(StandardCharsets.UTF_8);

        assertTimeoutPreemptively(QUICKLY, () -> assertRefused(huge, "budget.csv", Reason.TOO_LARGE));
    }

    @Test
    void odsRepeatingOneRowAMillionTimesIsRefusedBeforeSodsExpandsIt() {
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
                <table:table table:name="Budget">
                <table:table-row table:number-rows-repeated="1000000">
                <table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>
                </table:table-row></table:table></office:spreadsheet></office:body></office:document-content>""";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
        parts.put("content.xml", content.getBytes(StandardCharsets.UTF_8));

        assertTimeoutPreemptively(QUICKLY, () -> assertRefused(Zips.zip(parts), "budget.ods", Reason.TOO_LARGE));
    }

    @Test
    void fileLargerThanTheConfiguredLimitIsRefusedUnopened() {
        ReadingLimits limits = CONFIG.limits();
        ReadingLimits tiny = new ReadingLimits(1024, limits.maxRows(), limits.maxCells(), limits.maxSheets(),
                limits.maxZipEntries(), limits.maxEntryBytes(), limits.maxUncompressedBytes(), limits.minInflateRatio(),
                limits.maxFormulaReads(), limits.formulaTime());
        BudgetSheetReader strict = new BudgetSheetReader(
                new BudgetConfig(CONFIG.directory(), CONFIG.labels(), CONFIG.currencies(), CONFIG.rates(), CONFIG.rules(), tiny));

        assertThatThrownBy(() -> strict.read(SpreadsheetFiles.xlsx(BudgetLayout.french()), "budget.xlsx"))
                .isInstanceOfSatisfying(UnreadableSpreadsheetException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    private static void assertRefused(byte[] file, String name, Reason reason) {
        assertThatThrownBy(() -> READER.read(file, name))
                .as(name)
                .isInstanceOfSatisfying(UnreadableSpreadsheetException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] hundredThousandRowXlsx() throws IOException {
        Random random = new Random(42);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet("Budget");
            for (int r = 0; r < 100_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Traduction");
                for (int c = 1; c <= 4; c++) {
                    row.createCell(c).setCellValue(random.nextInt(1_000_000));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    private static String stackText(Throwable failure) {
        assertThat(failure).as("POI must refuse the file").isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
