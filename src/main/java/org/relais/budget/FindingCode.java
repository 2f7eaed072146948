package org.relais.budget;

/** The checks made on a budget; the names are stable codes that messages, logs and other modules rely on. */
public enum FindingCode {
    BUDGET_LINE_MISSING(Severity.ERROR),
    BUDGET_COLUMN_MISSING(Severity.ERROR),
    AMOUNT_NOT_A_NUMBER(Severity.ERROR),
    AMOUNT_NEGATIVE(Severity.ERROR),
    TOTAL_MISMATCH(Severity.ERROR),
    UNBALANCED_CASH(Severity.ERROR),
    UNBALANCED_IN_KIND(Severity.ERROR),
    CURRENCY_UNKNOWN(Severity.ERROR),
    CURRENCY_CONFLICT(Severity.ERROR),
    FORMULA_NOT_COMPUTED(Severity.ERROR),
    SEMINAR_UNKNOWN(Severity.ERROR),
    BUDGET_LINE_UNKNOWN(Severity.WARNING),
    TRANSLATION_ABSENT_OR_ZERO(Severity.WARNING),
    ACCOMMODATION_IMPLAUSIBLE(Severity.WARNING),
    CATERING_IMPLAUSIBLE(Severity.WARNING),
    TOTAL_NOT_COMPUTED(Severity.WARNING),
    CURRENCY_ASSUMED(Severity.NOTE);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
