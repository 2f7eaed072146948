package org.relais.spreadsheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Turns a POI workbook (xlsx or xls) into grids. Formulas give their cached result, as the partner saw it; a formula
 * saved without one (files written by programs, or our own template) is evaluated here.
 */
public final class PoiGridReader {

    private final ReadingLimits limits;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    public PoiGridReader(ReadingLimits limits) {
        this.limits = limits;
    }

    public List<SheetGrid> read(Workbook workbook) throws UnreadableSpreadsheetException {
        if (workbook.getNumberOfSheets() > limits.maxSheets()) {
            throw new UnreadableSpreadsheetException(Reason.TOO_LARGE, workbook.getNumberOfSheets() + " sheets");
        }
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        List<SheetGrid> grids = new ArrayList<>();
        int cellCount = 0;
        for (Sheet sheet : workbook) {
            List<GridCell> cells = new ArrayList<>();
            int rowCount = 0;
            for (Row row : sheet) {
                int before = cells.size();
                for (Cell cell : row) {
                    toGridCell(cell, evaluator).ifPresent(cells::add);
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
            grids.add(new SheetGrid(sheet.getSheetName(), cells));
        }
        return grids;
    }

    private Optional<GridCell> toGridCell(Cell cell, FormulaEvaluator evaluator) {
        String format = Optional.ofNullable(cell.getCellStyle().getDataFormatString()).orElse("General");
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        return switch (cell.getCellType()) {
            case NUMERIC -> Optional.of(number(cell, row, column, cell.getNumericCellValue(), format));
            case STRING -> textCell(row, column, cell.getStringCellValue());
            case BOOLEAN -> Optional.of(GridCell.text(row, column, String.valueOf(cell.getBooleanCellValue())));
            case FORMULA -> Optional.of(formula(cell, evaluator, format));
            default -> Optional.empty();
        };
    }

    private GridCell formula(Cell cell, FormulaEvaluator evaluator, String format) {
        int row = cell.getRowIndex();
        int column = cell.getColumnIndex();
        if (hasCachedResult(cell)) {
            return switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> number(cell, row, column, cell.getNumericCellValue(), format);
                case STRING -> GridCell.text(row, column, cell.getStringCellValue());
                case BOOLEAN -> GridCell.text(row, column, String.valueOf(cell.getBooleanCellValue()));
                case ERROR -> GridCell.text(row, column, FormulaError.forInt(cell.getErrorCellValue()).getString());
                default -> GridCell.text(row, column, "");
            };
        }
        try {
            CellValue value = evaluator.evaluate(cell);
            return switch (value.getCellType()) {
                case NUMERIC -> new GridCell(row, column, formatted(value.getNumberValue(), cell, format),
                        Optional.of(BigDecimal.valueOf(value.getNumberValue())), format);
                case STRING -> GridCell.text(row, column, value.getStringValue());
                case BOOLEAN -> GridCell.text(row, column, String.valueOf(value.getBooleanValue()));
                case ERROR -> GridCell.text(row, column, FormulaError.forInt(value.getErrorValue()).getString());
                default -> GridCell.text(row, column, "");
            };
        } catch (RuntimeException e) {
            // a function POI cannot compute, or a link to another file: show the formula so the partner sees which
            return GridCell.text(row, column, "=" + cell.getCellFormula());
        }
    }

    private static boolean hasCachedResult(Cell cell) {
        // an xlsx formula saved without its <v> reads back as 0: that zero must not be trusted
        return !(cell instanceof XSSFCell xssf) || xssf.getCTCell().isSetV();
    }

    private GridCell number(Cell cell, int row, int column, double value, String format) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return GridCell.text(row, column, formatter.formatCellValue(cell));
        }
        return new GridCell(row, column, formatted(value, cell, format), Optional.of(BigDecimal.valueOf(value)), format);
    }

    private String formatted(double value, Cell cell, String format) {
        return formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(), format);
    }

    private static Optional<GridCell> textCell(int row, int column, String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(GridCell.text(row, column, text.strip()));
    }
}
