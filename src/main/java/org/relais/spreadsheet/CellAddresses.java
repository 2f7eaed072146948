package org.relais.spreadsheet;

import org.apache.poi.ss.util.CellReference;

/** Cell addresses in A1 notation prefixed by the sheet ({@code Buget!D12}, {@code 'Mon budget'!D12}). */
public final class CellAddresses {

    private CellAddresses() {
    }

    public static String of(String sheet, int row, int column) {
        return new CellReference(sheet, row, column, false, false).formatAsString();
    }

    public static CellReference parse(String address) {
        return new CellReference(address);
    }
}
