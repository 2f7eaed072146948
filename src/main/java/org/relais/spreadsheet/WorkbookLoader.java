package org.relais.spreadsheet;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Opens a file received by mail: decides its format from its bytes (the name only breaks ties for text), refuses
 * what is hostile, encrypted or macro-enabled, and returns its sheets as grids.
 */
public final class WorkbookLoader {

    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String ODF_MIMETYPE = "mimetype";
    private static final String ODF_MANIFEST = "META-INF/manifest.xml";
    private static final String ODF_CONTENT = "content.xml";
    private static final Set<String> SPREADSHEET_EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "ods", "xltx", "ots");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "txt", "tsv");

    private final ReadingLimits limits;
    private final Clock clock;

    /** @param clock times the computing of formulas saved without their result ({@link ReadingLimits#formulaTime()}) */
    public WorkbookLoader(ReadingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        PoiSafety.apply(limits);
    }

    public WorkbookLoader(ReadingLimits limits) {
        this(limits, Clock.systemUTC());
    }

    public LoadedWorkbook load(byte[] bytes, String fileName) throws UnreadableSpreadsheetException {
        if (bytes.length > limits.maxFileBytes()) {
            throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, bytes.length + " bytes");
        }
        if (bytes.length == 0) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "empty file");
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        return switch (magic) {
            case OLE2 -> new LoadedWorkbook(SpreadsheetFormat.XLS, new XlsLoader(limits, clock).load(bytes));
            case OOXML -> zip(bytes);
            case UNKNOWN -> text(bytes, fileName);
            default -> throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "file of kind " + magic);
        };
    }

    private LoadedWorkbook zip(byte[] bytes) throws UnreadableSpreadsheetException {
        ZipInspector.Inventory parts = new ZipInspector(limits)
                .inspect(bytes, Set.of(CONTENT_TYPES, ODF_MIMETYPE, ODF_MANIFEST, ODF_CONTENT));
        if (parts.names().contains(CONTENT_TYPES)) {
            String contentTypes = parts.text(CONTENT_TYPES);
            if (contentTypes.contains("macroEnabled") || parts.names().stream().anyMatch(n -> n.endsWith("vbaProject.bin"))) {
                throw new UnreadableSpreadsheetException(Reason.MACRO_ENABLED, "workbook with a VBA project");
            }
            if (!contentTypes.contains("spreadsheetml.sheet.main") && !contentTypes.contains("spreadsheetml.template.main")) {
                throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "Office file that is not an xlsx");
            }
            return new LoadedWorkbook(SpreadsheetFormat.XLSX, new XlsxLoader(limits, clock).load(bytes));
        }
        String mimetype = parts.text(ODF_MIMETYPE).strip();
        if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
            if (parts.text(ODF_MANIFEST).contains("encryption-data")) {
                throw new UnreadableSpreadsheetException(Reason.ENCRYPTED, "password-protected ods");
            }
            if (parts.names().stream().anyMatch(n -> n.startsWith("Basic/") || n.startsWith("Scripts/"))) {
                throw new UnreadableSpreadsheetException(Reason.MACRO_ENABLED, "ods with macros");
            }
            byte[] content = parts.kept().get(ODF_CONTENT);
            if (content == null) {
                throw new UnreadableSpreadsheetException(Reason.CORRUPT, "ods without content.xml");
            }
            return new LoadedWorkbook(SpreadsheetFormat.ODS, new OdsLoader(limits).load(bytes, content));
        }
        throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "zip file that is not a spreadsheet");
    }

    private LoadedWorkbook text(byte[] bytes, String fileName) throws UnreadableSpreadsheetException {
        String extension = extensionOf(fileName);
        if (SPREADSHEET_EXTENSIONS.contains(extension)) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "." + extension + " file with unrecognisable content");
        }
        if (!TEXT_EXTENSIONS.contains(extension) && CsvText.looksBinary(CsvText.decode(bytes))) {
            throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "binary file of unknown kind");
        }
        return new LoadedWorkbook(SpreadsheetFormat.CSV, new CsvLoader(limits).load(bytes, fileName));
    }

    private static String extensionOf(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
