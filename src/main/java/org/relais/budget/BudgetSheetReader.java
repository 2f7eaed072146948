package org.relais.budget;

import org.relais.spreadsheet.WorkbookLoader;
import org.relais.spreadsheet.UnreadableSpreadsheetException;

/**
 * Reads the forecast budget out of a spreadsheet a partner sent: xlsx, xls, ods or csv, the table anywhere in any
 * sheet, its labels in French, Romanian or Bulgarian.
 */
public class BudgetSheetReader {

    private final WorkbookLoader loader;
    private final BudgetTableLocator locator;

    public BudgetSheetReader(BudgetConfig config) {
        this.loader = new WorkbookLoader(config.limits());
        this.locator = new BudgetTableLocator(config.labels(), config.currencies().marks());
    }

    /**
     * @param bytes    the file as received
     * @param fileName its name as received (only used to tell a csv from a damaged binary, and to name a csv's sheet)
     * @throws UnreadableSpreadsheetException when the file is hostile, encrypted, macro-enabled, damaged, too large,
     *                                        not a spreadsheet, or holds no budget table
     */
    public BudgetSheet read(byte[] bytes, String fileName) throws UnreadableSpreadsheetException {
        return locator.locate(fileName, loader.load(bytes, fileName));
    }
}
