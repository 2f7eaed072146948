package org.relais.budget;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The non-blank cells of one sheet, in reading order and by position. */
final class SheetGrid {

    private final String name;
    private final List<GridCell> cells;
    private final Map<Long, GridCell> byPosition = new HashMap<>();

    SheetGrid(String name, List<GridCell> cells) {
        this.name = name;
        this.cells = cells.stream()
                .sorted(Comparator.comparingInt(GridCell::row).thenComparingInt(GridCell::column))
                .toList();
        this.cells.forEach(cell -> byPosition.put(key(cell.row(), cell.column()), cell));
    }

    String name() {
        return name;
    }

    List<GridCell> cells() {
        return cells;
    }

    Optional<GridCell> cell(int row, int column) {
        return Optional.ofNullable(byPosition.get(key(row, column)));
    }

    String address(int row, int column) {
        return CellAddresses.of(name, row, column);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | column;
    }
}
