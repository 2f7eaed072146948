package org.relais.budget;

public enum Severity {
    /** the budget cannot be accepted as it is */
    ERROR,
    /** worth a second look, but the budget can be accepted */
    WARNING,
    /** what the hub assumed, said so that a reply can correct it; nothing to change in the file */
    NOTE
}
