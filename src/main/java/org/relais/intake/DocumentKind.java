package org.relais.intake;

import java.util.Locale;
import java.util.Optional;

/** What a part is to the partnership, and the queue of the flow that takes it next (none for OTHER). */
public enum DocumentKind {
    BUDGET_FORECAST("budget"),
    FINANCIAL_REPORT("report"),
    SUPPORTING_DOCUMENT("report"),
    MINUTES("minutes"),
    ATTENDANCE("attendance"),
    /** A mail asking for the budget model; the budget flow answers it with the model in the sender's language. */
    TEMPLATE_REQUEST("budget"),
    /** A coordinator's or a funder's mail asking for a seminar's funders' dossier; answered with it. */
    DOSSIER_REQUEST("dossier"),
    /** A delivery status notification (RFC 3464) about a mail Relais sent. */
    DELIVERY_REPORT("bounce"),
    OTHER(null);

    private final String queue;

    DocumentKind(String queue) {
        this.queue = queue;
    }

    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
