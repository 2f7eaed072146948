package org.relais.spreadsheet;

import java.util.List;

/** The sheets of a file that passed the safety checks, whatever its format. */
public record LoadedWorkbook(SpreadsheetFormat format, List<SheetGrid> sheets) {
}
