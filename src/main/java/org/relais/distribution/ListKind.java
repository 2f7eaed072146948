package org.relais.distribution;

/** The lists Relais writes to; each has its own List-Id, and one unsubscription stops them all. */
public enum ListKind {
    DISTRIBUTION("distribution", "Relais documents"),
    NEWSLETTER("newsletter", "Relais newsletter"),
    NOTIFICATION("notification", "Relais follow-up notifications");

    private final String id;
    private final String displayName;

    ListKind(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
