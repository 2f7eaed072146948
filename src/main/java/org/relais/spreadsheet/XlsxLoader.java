package org.relais.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.io.InputStream;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Loads an xlsx. Each sheet is first streamed with POI's hardened SAX parser to count what it holds, so that a
 * 100,000-row sheet is refused after a few thousand rows instead of being built in memory; only then is the
 * workbook opened whole, which formula evaluation needs.
 */
public final class XlsxLoader {

    private final ReadingLimits limits;
    private final Clock clock;

    public XlsxLoader(ReadingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public List<SheetGrid> load(byte[] bytes) throws UnreadableSpreadsheetException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            countContent(pkg);
            try (XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
                return new PoiGridReader(limits, clock).read(workbook);
            }
        } catch (UnreadableSpreadsheetException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableSpreadsheetException(Reason.ENCRYPTED, "password-protected workbook", e);
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw new UnreadableSpreadsheetException(PoiFailures.reasonOf(e), "xlsx not readable", e);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private void countContent(OPCPackage pkg) throws IOException, OpenXML4JException, UnreadableSpreadsheetException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
        ContentCounter counter = new ContentCounter(limits);
        int sheetCount = 0;
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                if (++sheetCount > limits.maxSheets()) {
                    throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "more than " + limits.maxSheets() + " sheets");
                }
                counter.startSheet(sheets.getSheetName());
                XMLReader reader = XMLHelper.newXMLReader();
                reader.setContentHandler(counter);
                reader.parse(new InputSource(sheet));
            } catch (LimitReached e) {
                throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, e.getMessage());
            } catch (SAXException | ParserConfigurationException e) {
                throw new UnreadableSpreadsheetException(Reason.CORRUPT, "sheet XML not readable", e);
            }
        }
    }

    /** Counts rows and cells that hold a value ({@code <v>} or an inline string) and stops at the limits. */
    private static final class ContentCounter extends DefaultHandler {
        private final ReadingLimits limits;
        private String sheet;
        private int rows;
        private int cells;
        private boolean rowHasValue;

        ContentCounter(ReadingLimits limits) {
            this.limits = limits;
        }

        void startSheet(String name) {
            sheet = name;
            rows = 0;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            switch (local(localName, qName)) {
                case "row" -> rowHasValue = false;
                case "v", "is" -> {
                    rowHasValue = true;
                    if (++cells > limits.maxCells()) {
                        throw new LimitReached("more than " + limits.maxCells() + " cells");
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("row".equals(local(localName, qName)) && rowHasValue && ++rows > limits.maxRows()) {
                throw new LimitReached("sheet " + sheet + " has more than " + limits.maxRows() + " rows");
            }
        }
    }

    private static String local(String localName, String qName) {
        return localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
    }

    private static final class LimitReached extends SAXException {
        LimitReached(String message) {
            super(message);
        }
    }
}
