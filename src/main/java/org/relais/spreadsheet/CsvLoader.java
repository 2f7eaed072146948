package org.relais.spreadsheet;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.WorkbookUtil;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/** Loads a csv as a one-sheet grid named after the file, so that its cells have addresses like any sheet's. */
public final class CsvLoader {

    private final ReadingLimits limits;

    public CsvLoader(ReadingLimits limits) {
        this.limits = limits;
    }

    public List<SheetGrid> load(byte[] bytes, String fileName) throws UnreadableSpreadsheetException {
        String text = CsvText.decode(bytes);
        if (CsvText.looksBinary(text)) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "binary content in a csv");
        }
        List<List<String>> rows = new CsvParser(limits.maxRows()).parse(text);
        List<GridCell> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> fields = rows.get(r);
            for (int c = 0; c < fields.size(); c++) {
                String field = fields.get(c).strip();
                if (!field.isEmpty()) {
                    cells.add(GridCell.text(r, c, field));
                }
            }
            if (cells.size() > limits.maxCells()) {
                throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "more than " + limits.maxCells() + " cells");
            }
        }
        return List.of(new SheetGrid(sheetName(fileName), cells));
    }

    public static String sheetName(String fileName) {
        String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = dot > 0 ? base.substring(0, dot) : base;
        return WorkbookUtil.createSafeSheetName(base.isBlank() ? "budget" : base);
    }
}
