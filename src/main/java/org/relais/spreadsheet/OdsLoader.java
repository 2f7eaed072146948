package org.relais.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import com.github.miachm.sods.OdsOptionParameters;
import com.github.miachm.sods.OfficeCurrency;
import com.github.miachm.sods.Range;
import com.github.miachm.sods.Sheet;
import com.github.miachm.sods.SpreadSheet;

/**
 * Loads an ods with SODS, after counting what content.xml holds with a hardened SAX parser: ods compresses
 * "repeat this row 100,000 times" into one element, which SODS would expand in memory.
 */
public final class OdsLoader {

    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    private final ReadingLimits limits;

    public OdsLoader(ReadingLimits limits) {
        this.limits = limits;
    }

    public List<SheetGrid> load(byte[] bytes, byte[] contentXml) throws UnreadableSpreadsheetException {
        countContent(contentXml);
        SpreadSheet spreadsheet;
        try {
            OdsOptionParameters options = new OdsOptionParameters();
            options.setLoadImages(false);
            options.setLoadGraphs(false);
            spreadsheet = new SpreadSheet(new ByteArrayInputStream(bytes), options);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "ods not readable", e);
        }
        List<SheetGrid> grids = new ArrayList<>();
        for (Sheet sheet : spreadsheet.getSheets()) {
            grids.add(grid(sheet));
        }
        return grids;
    }

    private static SheetGrid grid(Sheet sheet) {
        List<GridCell> cells = new ArrayList<>();
        if (sheet.getMaxRows() > 0 && sheet.getMaxColumns() > 0) {
            Range range = sheet.getDataRange();
            Object[][] values = range.getValues();
            String[][] formulas = range.getFormulas();
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < values[r].length; c++) {
                    cell(range.getRow() + r, range.getColumn() + c, values[r][c], formulas[r][c]).ifPresent(cells::add);
                }
            }
        }
        return new SheetGrid(sheet.getName(), cells);
    }

    private static Optional<GridCell> cell(int row, int column, Object value, String formula) {
        if (value == null) {
            // SODS cannot compute formulas: one saved without its result is given as the formula, uncomputed
            return formula == null || formula.isBlank() ? Optional.empty()
                    : Optional.of(GridCell.uncomputed(row, column, formula.replaceFirst("^of:", "")));
        }
        if (value instanceof Double number) {
            BigDecimal amount = BigDecimal.valueOf(number);
            return Optional.of(new GridCell(row, column, amount.toPlainString(), Optional.of(amount), "", false));
        }
        if (value instanceof OfficeCurrency money && money.getValue() != null) {
            BigDecimal amount = BigDecimal.valueOf(money.getValue());
            String code = money.getCurrency() == null ? "" : money.getCurrency().getCurrencyCode();
            return Optional.of(new GridCell(row, column, amount.toPlainString() + " " + code, Optional.of(amount), code, false));
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(GridCell.text(row, column, text));
    }

    private void countContent(byte[] contentXml) throws UnreadableSpreadsheetException {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(new ContentCounter(limits));
            reader.parse(new InputSource(new ByteArrayInputStream(contentXml)));
        } catch (LimitReached e) {
            throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, e.getMessage());
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new UnreadableSpreadsheetException(PoiFailures.reasonOf(e), "content.xml not readable", e);
        }
    }

    /** Counts rows and cells holding a value, multiplied by their repeat attributes, and stops at the limits. */
    private static final class ContentCounter extends DefaultHandler {
        private final ReadingLimits limits;
        private int sheets;
        private long rows;
        private long cells;
        private long rowRepeat;
        private long filledCellsInRow;
        private long cellRepeat;
        private boolean cellFilled;

        ContentCounter(ReadingLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if (!TABLE_NS.equals(uri)) {
                if ("p".equals(localName) && cellRepeat > 0) {
                    cellFilled = true;
                }
                return;
            }
            switch (localName) {
                case "table" -> {
                    rows = 0;
                    if (++sheets > limits.maxSheets()) {
                        throw new LimitReached("more than " + limits.maxSheets() + " sheets");
                    }
                }
                case "table-row" -> {
                    rowRepeat = repeat(attributes, "number-rows-repeated");
                    filledCellsInRow = 0;
                }
                case "table-cell", "covered-table-cell" -> {
                    cellRepeat = repeat(attributes, "number-columns-repeated");
                    cellFilled = attributes.getValue(OFFICE_NS, "value-type") != null
                            || attributes.getValue(TABLE_NS, "formula") != null;
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (!TABLE_NS.equals(uri)) {
                return;
            }
            if ("table-cell".equals(localName) || "covered-table-cell".equals(localName)) {
                if (cellFilled) {
                    filledCellsInRow += cellRepeat;
                }
                cellRepeat = 0;
            } else if ("table-row".equals(localName) && filledCellsInRow > 0) {
                rows += rowRepeat;
                cells += rowRepeat * filledCellsInRow;
                if (rows > limits.maxRows()) {
                    throw new LimitReached("a sheet has more than " + limits.maxRows() + " rows");
                }
                if (cells > limits.maxCells()) {
                    throw new LimitReached("more than " + limits.maxCells() + " cells");
                }
            }
        }

        private static long repeat(Attributes attributes, String name) {
            String value = attributes.getValue(TABLE_NS, name);
            try {
                return value == null ? 1 : Math.max(1, Long.parseLong(value));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    private static final class LimitReached extends SAXException {
        LimitReached(String message) {
            super(message);
        }
    }
}
