package org.relais.spreadsheet;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Turns a POI workbook (xlsx or xls) into grids. Formulas give their stored result, as the partner saw it; the
 * formulas saved without one (files written by programs, or our own template) are computed by
 * {@link FormulaComputation} within the reading limits, and one that could not be is given as its formula text,
 * marked {@link GridCell#uncomputedFormula() uncomputed}.
 */
public final class PoiGridReader {

    private final ReadingLimits limits;
    private final Clock clock;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    public PoiGridReader(ReadingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public List<SheetGrid> read(Workbook workbook) throws UnreadableSpreadsheetException {
        if (workbook.getNumberOfSheets() > limits.maxSheets()) {
            throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, workbook.getNumberOfSheets() + " sheets");
        }
        List<List<GridCell>> cellsBySheet = new ArrayList<>();
        // each formula saved without its result, and where its stand-in is: sheet, then place in that sheet's cells
        Map<Cell, int[]> withoutResult = new LinkedHashMap<>();
        int cellCount = 0;
        for (Sheet sheet : workbook) {
            List<GridCell> cells = new ArrayList<>();
            int rowCount = 0;
            for (Row row : sheet) {
                int before = cells.size();
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && !hasStoredResult(cell)) {
                        withoutResult.put(cell, new int[]{cellsBySheet.size(), cells.size()});
                        cells.add(GridCell.uncomputed(cell.getRowIndex(), cell.getColumnIndex(), cell.getCellFormula()));
                    } else {
                        toGridCell(cell).ifPresent(cells::add);
                    }
                }
                if (cells.size() > before && ++rowCount > limits.maxRows()) {
                    throw new UnreadableSpreadsheetException(Reason.TOO_LARGE,
                            "sheet " + sheet.getSheetName() + " has more than " + limits.maxRows() + " rows");
                }
                cellCount += cells.size() - before;
                if (cellCount > limits.maxCells()) {
                    throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, "more than " + limits.maxCells() + " cells");
                }
            }
            cellsBySheet.add(cells);
        }
        if (!withoutResult.isEmpty()) {
            new FormulaComputation(workbook, limits, clock).compute(List.copyOf(withoutResult.keySet()))
                    .forEach((cell, value) -> {
                        int[] at = withoutResult.get(cell);
                        cellsBySheet.get(at[0]).set(at[1], computedCell(cell, value));
                    });
        }
        List<SheetGrid> grids = new ArrayList<>();
        for (int s = 0; s < cellsBySheet.size(); s++) {
            grids.add(new SheetGrid(workbook.getSheetName(s), cellsBySheet.get(s)));
        }
        return grids;
    }

    private Optional<GridCell> toGridCell(Cell cell) {
        String format = formatOf(cell);
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        return switch (cell.getCellType()) {
            case NUMERIC -> Optional.of(number(cell, row, column, cell.getNumericCellValue(), format));
            case STRING -> textCell(row, column, cell.getStringCellValue());
            case BOOLEAN -> Optional.of(GridCell.text(row, column, String.valueOf(cell.getBooleanCellValue())));
            case FORMULA -> Optional.of(storedResult(cell, format));
            default -> Optional.empty();
        };
    }

    private GridCell storedResult(Cell cell, String format) {
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> number(cell, row, column, cell.getNumericCellValue(), format);
            case STRING -> GridCell.text(row, column, cell.getStringCellValue());
            case BOOLEAN -> GridCell.text(row, column, String.valueOf(cell.getBooleanCellValue()));
            case ERROR -> GridCell.text(row, column, FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> GridCell.text(row, column, "");
        };
    }

    private GridCell computedCell(Cell cell, CellValue value) {
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        String format = formatOf(cell);
        return switch (value.getCellType()) {
            case NUMERIC -> new GridCell(row, column, formatted(value.getNumberValue(), cell, format),
                    Optional.of(BigDecimal.valueOf(value.getNumberValue())), format, false);
            case STRING -> GridCell.text(row, column, value.getStringValue());
            case BOOLEAN -> GridCell.text(row, column, String.valueOf(value.getBooleanValue()));
            case ERROR -> GridCell.text(row, column, FormulaError.forInt(value.getErrorValue()).getString());
            default -> GridCell.text(row, column, "");
        };
    }

    /**
     * Whether a formula was saved with its result. An xlsx formula without {@code <v>}, or with an empty one (as
     * openpyxl writes it), reads back as 0: that zero must not be trusted.
     */
    private static boolean hasStoredResult(Cell cell) {
        if (!(cell instanceof XSSFCell xssf)) {
            return true;
        }
        CTCell xml = xssf.getCTCell();
        return xml.isSetV() && !xml.getV().isEmpty();
    }

    private static String formatOf(Cell cell) {
        return Optional.ofNullable(cell.getCellStyle().getDataFormatString()).orElse("General");
    }

    private GridCell number(Cell cell, int row, int column, double value, String format) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return GridCell.text(row, column, formatter.formatCellValue(cell));
        }
        return new GridCell(row, column, formatted(value, cell, format), Optional.of(BigDecimal.valueOf(value)), format,
                false);
    }

    private String formatted(double value, Cell cell, String format) {
        return formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(), format);
    }

    private static Optional<GridCell> textCell(int row, int column, String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(GridCell.text(row, column, text.strip()));
    }
}
