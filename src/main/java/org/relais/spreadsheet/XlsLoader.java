package org.relais.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Loads an OLE2 file: an xls, or something that only looks like one (an encrypted xlsx travels in the same
 * container, and so do Word documents).
 */
public final class XlsLoader {

    private static final Set<String> WORKBOOK_STREAMS = Set.of("Workbook", "WORKBOOK", "WorkBook", "BOOK");

    private final ReadingLimits limits;
    private final Clock clock;

    public XlsLoader(ReadingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public List<SheetGrid> load(byte[] bytes) throws UnreadableSpreadsheetException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new UnreadableSpreadsheetException(Reason.ENCRYPTED, "password-protected xlsx");
            }
            if (root.hasEntry("_VBA_PROJECT_CUR")) {
                throw new UnreadableSpreadsheetException(Reason.MACRO_ENABLED, "xls with a VBA project");
            }
            if (root.hasEntry("Book")) {
                throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "Excel 95 or older");
            }
            if (WORKBOOK_STREAMS.stream().noneMatch(root::hasEntry)) {
                throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "OLE2 file that is not a workbook");
            }
            try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
                return new PoiGridReader(limits, clock).read(workbook);
            }
        } catch (UnreadableSpreadsheetException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableSpreadsheetException(Reason.ENCRYPTED, "password-protected xls", e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableSpreadsheetException(Reason.UNSUPPORTED_FORMAT, "Excel 95 or older", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSpreadsheetException(PoiFailures.reasonOf(e), "xls not readable", e);
        }
    }
}
