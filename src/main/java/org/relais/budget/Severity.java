package org.relais.budget;

public enum Severity {
    /** the budget cannot be accepted as it is */
    ERROR,
    /** worth a second look, but the budget can be accepted */
    WARNING
}
