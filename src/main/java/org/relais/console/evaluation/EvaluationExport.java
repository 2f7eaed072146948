package org.relais.console.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The evaluation as files to keep or send: CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
 * read the partnership's alphabets) and XLSX (one sheet per table, figures as numbers).
 */
final class EvaluationExport {

    private static final int MAX_COLUMN_CHARACTERS = 70;
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\\r\\n]");

    /** A table to export: a title, its headings, and rows of text or numbers. */
    record Table(String title, List<String> headings, List<List<Object>> rows) {
    }

    private EvaluationExport() {
    }

    /** The tables one after the other, each under its title, a blank line between them. */
    static byte[] csv(List<Table> tables) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        for (Table table : tables) {
            if (csv.length() > 1) {
                csv.append("\r\n");
            }
            line(csv, List.of(table.title()));
            line(csv, List.copyOf(table.headings()));
            table.rows().forEach(row -> line(csv, row));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
                Row headings = sheet.createRow(0);
                for (int column = 0; column < table.headings().size(); column++) {
                    Cell cell = headings.createCell(column);
                    cell.setCellValue(table.headings().get(column));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int column = 0; column < values.size(); column++) {
                        Object value = values.get(column);
                        if (value instanceof Number number) {
                            row.createCell(column).setCellValue(number.doubleValue());
                        } else if (value != null) {
                            row.createCell(column).setCellValue(value.toString());
                        }
                    }
                }
                for (int column = 0; column < table.headings().size(); column++) {
                    sheet.setColumnWidth(column, Math.min(MAX_COLUMN_CHARACTERS, 2 + longest(table, column)) * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int longest(Table table, int column) {
        int longest = table.headings().get(column).length();
        for (List<Object> row : table.rows()) {
            if (column < row.size() && row.get(column) != null) {
                longest = Math.max(longest, row.get(column).toString().length());
            }
        }
        return longest;
    }

    private static void line(StringBuilder csv, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String text = values.get(i) == null ? "" : values.get(i).toString();
            csv.append(NEEDS_QUOTES.matcher(text).find() ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        csv.append("\r\n");
    }
}
