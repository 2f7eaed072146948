package org.relais.spreadsheet;

/** The file cannot be read as a budget; {@link #reason()} says why in a way the partner can be told. */
public class UnreadableSpreadsheetException extends Exception {

    public enum Reason {
        /** compressed parts expand far beyond what a spreadsheet needs */
        ZIP_BOMB,
        /** protected by a password */
        ENCRYPTED,
        /** damaged, truncated, or not what its name says */
        CORRUPT,
        /** more bytes, rows, cells or sheets than a budget can have */
        TOO_LARGE,
        /** contains macros (xlsm, xls or ods with a VBA / Basic project): refused, never read */
        MACRO_ENABLED,
        /** not a spreadsheet format the hub reads */
        UNSUPPORTED_FORMAT,
        /** XML parts declare a DTD or entities, which no genuine spreadsheet does (XXE, billion laughs) */
        UNSAFE_XML,
        /** readable, but no sheet holds the budget model's labels */
        TABLE_NOT_FOUND
    }

    private final Reason reason;

    public UnreadableSpreadsheetException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public UnreadableSpreadsheetException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
