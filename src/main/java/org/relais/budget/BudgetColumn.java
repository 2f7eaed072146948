package org.relais.budget;

/** The four amount columns: the organiser's expenses and receipts, each split cash / in kind. */
public enum BudgetColumn {
    EXPENSES_CASH(Side.EXPENSES, Kind.CASH),
    EXPENSES_IN_KIND(Side.EXPENSES, Kind.IN_KIND),
    RECEIPTS_CASH(Side.RECEIPTS, Kind.CASH),
    RECEIPTS_IN_KIND(Side.RECEIPTS, Kind.IN_KIND);

    public enum Side { EXPENSES, RECEIPTS }

    public enum Kind { CASH, IN_KIND }

    private final Side side;
    private final Kind kind;

    BudgetColumn(Side side, Kind kind) {
        this.side = side;
        this.kind = kind;
    }

    public Side side() {
        return side;
    }

    public Kind kind() {
        return kind;
    }

    public static BudgetColumn of(Side side, Kind kind) {
        for (BudgetColumn column : values()) {
            if (column.side == side && column.kind == kind) {
                return column;
            }
        }
        throw new IllegalArgumentException(side + "/" + kind);
    }

    /** The column on the other side with the same kind: the one this column must balance. */
    public BudgetColumn counterpart() {
        return of(side == Side.EXPENSES ? Side.RECEIPTS : Side.EXPENSES, kind);
    }
}
