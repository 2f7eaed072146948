package org.relais.budget;

import org.apache.poi.ss.util.CellReference;

/** Cell addresses in A1 notation prefixed by the sheet ({@code Buget!D12}, {@code 'Mon budget'!D12}). */
final class CellAddresses {

    private CellAddresses() {
    }

    static String of(String sheet, int row, int column) {
        return new CellReference(sheet, row, column, false, false).formatAsString();
    }

    static CellReference parse(String address) {
        return new CellReference(address);
    }
}
