package org.relais.spreadsheet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The non-blank cells of one sheet, in reading order and by position. */
public final class SheetGrid {

    private final String name;
    private final List<GridCell> cells;
    private final Map<Long, GridCell> byPosition = new HashMap<>();

    public SheetGrid(String name, List<GridCell> cells) {
        this.name = name;
        this.cells = cells.stream()
                .sorted(Comparator.comparingInt(GridCell::row).thenComparingInt(GridCell::column))
                .toList();
        this.cells.forEach(cell -> byPosition.put(key(cell.row(), cell.column()), cell));
    }

    public String name() {
        return name;
    }

    public List<GridCell> cells() {
        return cells;
    }

    public Optional<GridCell> cell(int row, int column) {
        return Optional.ofNullable(byPosition.get(key(row, column)));
    }

    public String address(int row, int column) {
        return CellAddresses.of(name, row, column);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }
}
