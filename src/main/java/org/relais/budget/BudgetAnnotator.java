package org.relais.budget;

import org.relais.spreadsheet.WorkbookLoader;
import org.relais.spreadsheet.LoadedWorkbook;
import org.relais.spreadsheet.SheetGrid;
import org.relais.spreadsheet.GridCell;
import org.relais.spreadsheet.SpreadsheetFormat;
import org.relais.spreadsheet.UnreadableSpreadsheetException;
import org.relais.spreadsheet.CellAddresses;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/**
 * Returns the partner's own file with every cell a finding points at filled (errors rose, warnings yellow) and
 * commented in the recipient's language. An xlsx or xls keeps its format and everything else in it; an ods or csv
 * comes back as an xlsx rebuilt from its cells at the same addresses, since neither format carries comments POI
 * can write.
 */
public class BudgetAnnotator {

    private static final String AUTHOR = "Relais";
    private static final String SUFFIX = "-relais";

    private final WorkbookLoader loader;
    private final BudgetMessages messages;

    public BudgetAnnotator(BudgetConfig config, BudgetMessages messages) {
        this.loader = new WorkbookLoader(config.limits());
        this.messages = messages;
    }

    /**
     * @param original the file as the partner sent it (it goes through the same safety checks as when read)
     * @param fileName its name as received
     * @param findings what the validator found
     * @param language the language of the comments
     */
    public AnnotatedCopy annotate(byte[] original, String fileName, List<Finding> findings, String language)
            throws UnreadableSpreadsheetException {
        LoadedWorkbook loaded = loader.load(original, fileName);
        try (Workbook workbook = open(original, loaded)) {
            mark(workbook, findings, language);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            SpreadsheetFormat format = loaded.format() == SpreadsheetFormat.XLS ? SpreadsheetFormat.XLS : SpreadsheetFormat.XLSX;
            return new AnnotatedCopy(copyName(fileName, format), format.mediaType(), out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the annotated copy of " + fileName, e);
        }
    }

    private static Workbook open(byte[] original, LoadedWorkbook loaded) throws UnreadableSpreadsheetException {
        try {
            return switch (loaded.format()) {
                case XLSX -> new XSSFWorkbook(new ByteArrayInputStream(original));
                case XLS -> new HSSFWorkbook(new ByteArrayInputStream(original));
                case ODS, CSV -> rebuilt(loaded.sheets());
            };
        } catch (IOException | RuntimeException e) {
            throw new UnreadableSpreadsheetException(Reason.CORRUPT, "cannot reopen the file to annotate it", e);
        }
    }

    private static Workbook rebuilt(List<SheetGrid> sheets) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        for (SheetGrid grid : sheets) {
            Sheet sheet = workbook.createSheet(grid.name());
            for (GridCell source : grid.cells()) {
                Row row = sheet.getRow(source.row()) == null ? sheet.createRow(source.row()) : sheet.getRow(source.row());
                Cell cell = row.createCell(source.column());
                if (source.number().isPresent()) {
                    cell.setCellValue(source.number().get().doubleValue());
                } else {
                    cell.setCellValue(source.text());
                }
            }
            // widths from the text length: autoSizeColumn would need fonts that a server may not have
            grid.cells().stream().collect(Collectors.groupingBy(GridCell::column,
                            Collectors.summarizingInt(cell -> cell.text().length())))
                    .forEach((column, lengths) -> sheet.setColumnWidth(column, Math.min(80, lengths.getMax() + 2) * 256));
        }
        return workbook;
    }

    private void mark(Workbook workbook, List<Finding> findings, String language) {
        Map<String, List<Finding>> byCell = findings.stream()
                .collect(Collectors.groupingBy(Finding::cell, LinkedHashMap::new, Collectors.toList()));
        Map<String, CellStyle> styles = new HashMap<>();
        CreationHelper helper = workbook.getCreationHelper();
        byCell.forEach((address, here) -> {
            CellReference reference = CellAddresses.parse(address);
            Sheet sheet = workbook.getSheet(reference.getSheetName());
            if (sheet == null) {
                return;
            }
            Cell cell = cellAt(sheet, reference);
            Severity worst = here.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? Severity.ERROR : Severity.WARNING;
            cell.setCellStyle(styles.computeIfAbsent(cell.getCellStyle().getIndex() + "/" + worst,
                    key -> highlighted(workbook, cell.getCellStyle(), worst)));
            String text = here.stream().map(f -> messages.render(f, language)).collect(Collectors.joining("\n\n"));
            comment(sheet, cell, helper, text);
        });
    }

    private static Cell cellAt(Sheet sheet, CellReference reference) {
        Row row = sheet.getRow(reference.getRow());
        if (row == null) {
            row = sheet.createRow(reference.getRow());
        }
        Cell cell = row.getCell(reference.getCol());
        return cell == null ? row.createCell(reference.getCol()) : cell;
    }

    private static CellStyle highlighted(Workbook workbook, CellStyle original, Severity severity) {
        CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(original);
        IndexedColors colour = severity == Severity.ERROR ? IndexedColors.ROSE : IndexedColors.LIGHT_YELLOW;
        style.setFillForegroundColor(colour.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static void comment(Sheet sheet, Cell cell, CreationHelper helper, String text) {
        Comment existing = cell.getCellComment();
        String full = existing == null ? text : existing.getString().getString() + "\n\n" + text;
        if (existing != null) {
            cell.removeCellComment();
        }
        // an xls loses its drawings when a new patriarch is created over them: reuse the one it has
        Drawing<?> drawing = sheet.getDrawingPatriarch() != null ? sheet.getDrawingPatriarch() : sheet.createDrawingPatriarch();
        // POI files the new comment under the anchor's top-left cell: it must be the commented cell itself
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 5);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 8);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(full));
        comment.setAuthor(AUTHOR);
        cell.setCellComment(comment);
    }

    private static String copyName(String fileName, SpreadsheetFormat format) {
        String name = fileName == null || fileName.isBlank() ? "budget" : fileName;
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return base + SUFFIX + "." + format.extension();
    }
}
