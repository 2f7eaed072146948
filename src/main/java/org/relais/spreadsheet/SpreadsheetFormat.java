package org.relais.spreadsheet;

/** The kinds of file the reader understands, with the extension and media type of each. */
public enum SpreadsheetFormat {
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    XLS("xls", "application/vnd.ms-excel"),
    ODS("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    CSV("csv", "text/csv");

    private final String extension;
    private final String mediaType;

    SpreadsheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
