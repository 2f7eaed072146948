package org.relais.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.github.miachm.sods.SpreadSheet;

/** Writes a {@link BudgetLayout} as the files partners send: xlsx, xls, ods, csv. */
final class SpreadsheetFiles {

    private SpreadsheetFiles() {
    }

    /** An xlsx whose formulas have no saved result, as programs (and POI) write them. */
    static byte[] xlsx(BudgetLayout layout) {
        return poi(new XSSFWorkbook(), layout, false, true);
    }

    /** An xlsx whose formulas carry the result a spreadsheet program saved with them. */
    static byte[] xlsxWithCachedResults(BudgetLayout layout) {
        return poi(new XSSFWorkbook(), layout, true, true);
    }

    static byte[] xlsxWithoutMergedHeaders(BudgetLayout layout) {
        return poi(new XSSFWorkbook(), layout, false, false);
    }

    static byte[] xls(BudgetLayout layout) {
        return poi(new HSSFWorkbook(), layout, true, true);
    }

    static byte[] ods(BudgetLayout layout) {
        List<List<Object>> grid = layout.grid();
        int width = grid.stream().mapToInt(List::size).max().orElse(1);
        com.github.miachm.sods.Sheet sheet = new com.github.miachm.sods.Sheet(layout.sheetName(), grid.size(), width);
        for (int r = 0; r < grid.size(); r++) {
            for (int c = 0; c < grid.get(r).size(); c++) {
                Object value = grid.get(r).get(c);
                if (value instanceof BudgetLayout.Formula formula) {
                    value = formula.value().doubleValue();
                }
                if (value != null) {
                    sheet.getRange(r, c).setValue(value);
                }
            }
        }
        sheet.getRange(layout.sideRow(), layout.amountColumn(BudgetColumn.EXPENSES_CASH), 1, 2).merge();
        sheet.getRange(layout.sideRow(), layout.amountColumn(BudgetColumn.RECEIPTS_CASH), 1, 2).merge();
        SpreadSheet spreadsheet = new SpreadSheet();
        spreadsheet.appendSheet(sheet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            spreadsheet.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A csv with the given separator, numbers written by {@code number}. */
    static String csv(BudgetLayout layout, char separator, Function<Double, String> number) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : layout.grid()) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    text.append(separator);
                }
                Object value = row.get(c);
                if (value instanceof BudgetLayout.Formula formula) {
                    value = formula.value().doubleValue();
                }
                String field = value == null ? "" : value instanceof Double d ? number.apply(d) : value.toString();
                boolean quote = field.indexOf(separator) >= 0 || field.indexOf('"') >= 0;
                text.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
            }
            text.append("\r\n");
        }
        return text.toString();
    }

    /** As Java writes it for France: "12 500,00" grouped with a narrow no-break space. */
    static String frenchNumber(double value) {
        return String.format(Locale.FRANCE, "%,.2f", value);
    }

    /** As a Romanian writes it: "12.500,00". */
    static String romanianNumber(double value) {
        return String.format(Locale.forLanguageTag("ro-RO"), "%,.2f", value);
    }

    /** As a Bulgarian Windows export writes it: "12 500,00" grouped with a no-break space. */
    static String bulgarianNumber(double value) {
        return frenchNumber(value).replace('\u202F', '\u00A0');
    }

    private static byte[] poi(Workbook workbook, BudgetLayout layout, boolean cacheFormulas, boolean mergeHeaders) {
        try (workbook) {
            Sheet sheet = workbook.createSheet(layout.sheetName());
            List<List<Object>> grid = layout.grid();
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < grid.get(r).size(); c++) {
                    Object value = grid.get(r).get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Double number) {
                        cell.setCellValue(number);
                    } else if (value instanceof BudgetLayout.Formula formula) {
                        cell.setCellFormula(formula.expression());
                        if (cacheFormulas) {
                            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                        }
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            if (mergeHeaders) {
                int side = layout.sideRow();
                int expenses = layout.amountColumn(BudgetColumn.EXPENSES_CASH);
                int receipts = layout.amountColumn(BudgetColumn.RECEIPTS_CASH);
                sheet.addMergedRegion(new CellRangeAddress(side, side, expenses, expenses + 1));
                sheet.addMergedRegion(new CellRangeAddress(side, side, receipts, receipts + 1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
