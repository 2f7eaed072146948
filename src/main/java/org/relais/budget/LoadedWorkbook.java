package org.relais.budget;

import java.util.List;

/** The sheets of a file that passed the safety checks, whatever its format. */
record LoadedWorkbook(SpreadsheetFormat format, List<SheetGrid> sheets) {
}
