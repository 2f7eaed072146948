package org.relais.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.relais.spreadsheet.GridCell;
import org.relais.spreadsheet.LoadedWorkbook;
import org.relais.spreadsheet.SheetGrid;

/**
 * Finds the participants' table in an attendance sheet by its headings (a name column and at least one of
 * organisation, country, category), wherever it starts, and reads a participant per row until the table ends.
 */
public final class AttendanceReader {

    /** A participant as read, with the cell of their name. */
    public record Participant(String cell, String name, String organisation, String country, String category,
                       String categoryAsRead) {
    }

    public record Sheet(String name, List<Participant> participants) {
    }

    private static final int BLANK_ROWS_ENDING_THE_TABLE = 3;

    private final AttendanceVocabulary vocabulary;

    public AttendanceReader(AttendanceVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Optional<Sheet> read(LoadedWorkbook workbook) {
        for (SheetGrid grid : workbook.sheets()) {
            Optional<Sheet> sheet = read(grid);
            if (sheet.isPresent()) {
                return sheet;
            }
        }
        return Optional.empty();
    }

    private Optional<Sheet> read(SheetGrid grid) {
        Map<Integer, List<GridCell>> rows = new TreeMap<>();
        grid.cells().forEach(cell -> rows.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell));
        for (Map.Entry<Integer, List<GridCell>> row : rows.entrySet()) {
            Map<String, Integer> columns = headings(row.getValue());
            if (columns.containsKey("name") && columns.size() >= 2) {
                return Optional.of(new Sheet(grid.name(), participants(grid, row.getKey(), columns)));
            }
        }
        return Optional.empty();
    }

    /**
     * The first date written above the participants' table — the seminar's day, in a title such as "Listă de
     * prezență — Neamț, 22 octombrie 2009" — on the sheet that holds the table.
     */
    Optional<LocalDate> dateAbove(LoadedWorkbook workbook) {
        for (SheetGrid grid : workbook.sheets()) {
            Map<Integer, List<GridCell>> rows = new TreeMap<>();
            grid.cells().forEach(cell -> rows.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell));
            List<GridCell> above = new ArrayList<>();
            for (List<GridCell> row : rows.values()) {
                Map<String, Integer> columns = headings(row);
                if (columns.containsKey("name") && columns.size() >= 2) {
                    return above.stream().map(cell -> WrittenDate.firstIn(cell.text())).flatMap(Optional::stream)
                            .findFirst();
                }
                above.addAll(row);
            }
        }
        return Optional.empty();
    }

    private Map<String, Integer> headings(List<GridCell> row) {
        Map<String, Integer> columns = new HashMap<>();
        for (GridCell cell : row) {
            vocabulary.column(cell.text()).ifPresent(column -> columns.putIfAbsent(column, cell.column()));
        }
        return columns;
    }

    private List<Participant> participants(SheetGrid grid, int headingRow, Map<String, Integer> columns) {
        List<Participant> participants = new ArrayList<>();
        int blank = 0;
        for (int row = headingRow + 1; blank < BLANK_ROWS_ENDING_THE_TABLE; row++) {
            String name = join(text(grid, row, columns.get("name")), text(grid, row, columns.get("first-name")));
            if (name.isBlank()) {
                blank++;
                continue;
            }
            blank = 0;
            String categoryAsRead = text(grid, row, columns.get("category"));
            participants.add(new Participant(grid.address(row, columns.get("name")), name,
                    text(grid, row, columns.get("organisation")), text(grid, row, columns.get("country")),
                    vocabulary.category(categoryAsRead).orElse(null), categoryAsRead));
        }
        return participants;
    }

    private static String text(SheetGrid grid, int row, Integer column) {
        return column == null ? "" : grid.cell(row, column).map(GridCell::text).map(String::strip).orElse("");
    }

    private static String join(String name, String firstName) {
        return firstName.isBlank() ? name : (name + " " + firstName).strip();
    }
}
