package org.relais.spreadsheet;

import org.relais.spreadsheet.UnreadableSpreadsheetException.Reason;

/** Names the reason behind an exception POI threw on a file that passed the checks made before it. */
public final class PoiFailures {

    private PoiFailures() {
    }

    public static Reason reasonOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            // POI's ZipSecureFile has no exception type of its own, only this wording
            if (message.contains("Zip bomb detected")) {
                return Reason.ZIP_BOMB;
            }
            if (message.contains("DOCTYPE")) {
                return Reason.UNSAFE_XML;
            }
        }
        return Reason.CORRUPT;
    }
}
