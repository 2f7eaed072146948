package org.relais.intake;

import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The text of a spreadsheet's first rows — its title and table labels — enough to recognise the budget model or an
 * attendance sheet. Reads at most {@link #MAX_ROWS} rows of {@link #MAX_SHEETS} sheets; .xlsx is streamed, so a
 * 100,000-row sheet costs no more than a small one.
 */
final class SpreadsheetSampler {

    static final int MAX_ROWS = 60;
    static final int MAX_SHEETS = 10;
    private static final int MAX_COLUMNS = 30;

    /** The file could not be opened as the spreadsheet its bytes claim to be (corrupt, zip bomb, ...). */
    static final class UnreadableException extends Exception {
        UnreadableException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private SpreadsheetSampler() {
    }

    static String sample(FileType type, byte[] content) throws UnreadableException {
        try {
            return switch (type) {
                case XLSX -> streamedXlsx(content);
                case XLS -> xls(content);
                case ODS -> ods(content);
                case CSV -> csv(content);
                default -> "";
            };
        } catch (UnreadableException e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            throw new UnreadableException(e);
        }
    }

    static String decodeText(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            // Partners' older tools write windows-1250 (Romanian) or windows-1251 (Bulgarian); 1251 reads both
            // alphabets' labels well enough to recognise them.
            return new String(content, Charset.forName("windows-1251"));
        }
    }

    private static String csv(byte[] content) {
        String text = decodeText(content);
        return String.join("\n", text.lines().limit(MAX_ROWS).toList());
    }

    private static String xls(byte[] content) throws Exception {
        try (Workbook workbook = new HSSFWorkbook(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < Math.min(MAX_SHEETS, workbook.getNumberOfSheets()); s++) {
                text.append(workbook.getSheetName(s)).append('\n');
                Iterator<Row> rows = workbook.getSheetAt(s).rowIterator();
                for (int r = 0; r < MAX_ROWS && rows.hasNext(); r++) {
                    for (Cell cell : rows.next()) {
                        if (cell.getColumnIndex() < MAX_COLUMNS) {
                            text.append(cell).append(' ');
                        }
                    }
                    text.append('\n');
                }
            }
            return text.toString();
        }
    }

    private static String ods(byte[] content) throws Exception {
        SpreadSheet spreadsheet = new SpreadSheet(new ByteArrayInputStream(content));
        StringBuilder text = new StringBuilder();
        List<Sheet> sheets = spreadsheet.getSheets();
        for (Sheet sheet : sheets.subList(0, Math.min(MAX_SHEETS, sheets.size()))) {
            text.append(sheet.getName()).append('\n');
            int rows = Math.min(MAX_ROWS, sheet.getMaxRows());
            int columns = Math.min(MAX_COLUMNS, sheet.getMaxColumns());
            if (rows == 0 || columns == 0) {
                continue;
            }
            Range range = sheet.getRange(0, 0, rows, columns);
            for (Object[] row : range.getValues()) {
                for (Object value : row) {
                    if (value != null) {
                        text.append(value).append(' ');
                    }
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String streamedXlsx(byte[] content) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StringBuilder text = new StringBuilder();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int s = 0; s < MAX_SHEETS && sheets.hasNext(); s++) {
                try (InputStream sheet = sheets.next()) {
                    text.append(sheets.getSheetName()).append('\n');
                    readFirstRows(sheet, strings, reader, text);
                }
            }
            return text.toString();
        }
    }

    private static void readFirstRows(InputStream sheet, ReadOnlySharedStringsTable strings, XSSFReader reader,
                                      StringBuilder text) throws Exception {
        RowCollector collector = new RowCollector(text);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector, false));
        try {
            parser.parse(new InputSource(sheet));
        } catch (EnoughRows enough) {
            // the sample is complete; the rest of the sheet is never parsed
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final StringBuilder text;
        private int rows;

        RowCollector(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void startRow(int rowNum) {
            if (rows++ >= MAX_ROWS) {
                throw new EnoughRows();
            }
        }

        @Override
        public void endRow(int rowNum) {
            text.append('\n');
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (formattedValue != null) {
                text.append(formattedValue).append(' ');
            }
        }
    }

    /** Thrown from inside the SAX callback to stop parsing once the sample is complete. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }
}
