package org.relais.budget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.relais.budget.BudgetLabels.HeaderWord;
import org.relais.budget.BudgetLabels.TemplateText;

/**
 * Generates the forecast budget model as an xlsx in one language, as the seminar report draws it: a title, the
 * expenses and receipts headers each over cash and in kind, the seven lines and a total row that sums them.
 * Partners who fill it in send back exactly what the reader expects.
 */
public class BudgetTemplate {

    private static final int TITLE_ROW = 0;
    private static final int CURRENCY_ROW = 1;
    private static final int SIDE_ROW = 3;
    private static final int KIND_ROW = 4;
    private static final int FIRST_LINE_ROW = 5;
    private static final int LABEL_COLUMN = 0;
    private static final int AMOUNT_COLUMNS = BudgetColumn.values().length;

    private final BudgetLabels labels;

    public BudgetTemplate(BudgetConfig config) {
        this.labels = config.labels();
    }

    /**
     * @param language     fr, ro, bg, or any language labels.yaml has
     * @param seminarTitle appended to the title (e.g. "Județul Argeș, septembre"); may be empty
     * @param currency     the ISO code written above the table, so the reader knows the currency (EUR, RON …)
     */
    public byte[] generate(String language, String seminarTitle, String currency) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(labels.text(TemplateText.SHEET, language)));
            CellStyle bold = bold(workbook);
            CellStyle header = bordered(workbook, bold);
            CellStyle label = bordered(workbook, null);
            CellStyle amount = bordered(workbook, null);
            amount.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            String title = labels.text(TemplateText.TITLE, language) + (seminarTitle.isBlank() ? "" : " – " + seminarTitle);
            text(sheet, TITLE_ROW, LABEL_COLUMN, title, bold);
            text(sheet, CURRENCY_ROW, LABEL_COLUMN, labels.text(TemplateText.AMOUNTS_IN, language) + " " + currency, null);

            text(sheet, SIDE_ROW, LABEL_COLUMN, labels.text(TemplateText.LINE_HEADER, language), header);
            sheet.addMergedRegion(new CellRangeAddress(SIDE_ROW, KIND_ROW, LABEL_COLUMN, LABEL_COLUMN));
            for (BudgetColumn column : BudgetColumn.values()) {
                int index = columnIndex(column);
                HeaderWord side = column.side() == BudgetColumn.Side.EXPENSES ? HeaderWord.EXPENSES : HeaderWord.RECEIPTS;
                HeaderWord kind = column.kind() == BudgetColumn.Kind.CASH ? HeaderWord.CASH : HeaderWord.IN_KIND;
                text(sheet, SIDE_ROW, index, column.kind() == BudgetColumn.Kind.CASH ? labels.header(side, language) : "", header);
                text(sheet, KIND_ROW, index, labels.header(kind, language), header);
            }
            sheet.addMergedRegion(new CellRangeAddress(SIDE_ROW, SIDE_ROW, 1, 2));
            sheet.addMergedRegion(new CellRangeAddress(SIDE_ROW, SIDE_ROW, 3, 4));

            for (BudgetLine line : BudgetLine.MODEL) {
                int row = rowIndex(line);
                text(sheet, row, LABEL_COLUMN, labels.label(line, language), line == BudgetLine.TOTAL ? header : label);
                for (int c = 1; c <= AMOUNT_COLUMNS; c++) {
                    Cell cell = sheet.getRow(row).createCell(c);
                    cell.setCellStyle(amount);
                    if (line == BudgetLine.TOTAL) {
                        String letter = CellReference.convertNumToColString(c);
                        cell.setCellFormula("SUM(" + letter + (FIRST_LINE_ROW + 1) + ":" + letter + row + ")");
                    }
                }
            }
            onlyNonNegativeAmounts(sheet, rowIndex(BudgetLine.TOTAL) - 1);

            sheet.setColumnWidth(LABEL_COLUMN, 60 * 256);
            for (int c = 1; c <= AMOUNT_COLUMNS; c++) {
                sheet.setColumnWidth(c, 22 * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the budget template", e);
        }
    }

    /** Where an amount column sits in the template. */
    static int columnIndex(BudgetColumn column) {
        return LABEL_COLUMN + 1 + column.ordinal();
    }

    /** The template row of a line (the total included). */
    static int rowIndex(BudgetLine line) {
        return FIRST_LINE_ROW + BudgetLine.MODEL.indexOf(line);
    }

    private static void onlyNonNegativeAmounts(Sheet sheet, int lastLineRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createDecimalConstraint(
                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(FIRST_LINE_ROW, lastLineRow, 1, AMOUNT_COLUMNS));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static void text(Sheet sheet, int rowIndex, int column, String value, CellStyle style) {
        Row row = sheet.getRow(rowIndex) == null ? sheet.createRow(rowIndex) : sheet.getRow(rowIndex);
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static CellStyle bold(XSSFWorkbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static CellStyle bordered(XSSFWorkbook workbook, CellStyle base) {
        CellStyle style = workbook.createCellStyle();
        if (base != null) {
            style.cloneStyleFrom(base);
            style.setAlignment(HorizontalAlignment.CENTER);
        }
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setWrapText(true);
        return style;
    }
}
