package org.relais.console;

import org.relais.support.Spreadsheets;

/** Documents for the console's tests, beyond those of org.relais.support. */
final class ConsoleSamples {

    private ConsoleSamples() {
    }

    /** A forecast on the model whose cash receipts fall 200 short of the expenses: rejected, cell by cell. */
    static byte[] unbalancedForecast() {
        return Spreadsheets.workbook("Buget", new String[][] {
                {"", "Cheltuieli", "", "Venituri", ""},
                {"", "Numerar", "În natură", "Numerar", "În natură"},
                {"Transport participanți", "1200", "0", "1000", "0"},
                {"Cazare", "2500", "0", "2500", "0"},
                {"Masă", "1800", "0", "1800", "0"},
                {"Traducere", "600", "400", "600", "400"},
                {"Comunicare", "300", "0", "300", "0"},
                {"Închiriere săli", "500", "0", "500", "0"},
                {"Timp de lucru", "0", "1500", "0", "1500"},
                {"Total", "6900", "1900", "6700", "1900"}});
    }
}
