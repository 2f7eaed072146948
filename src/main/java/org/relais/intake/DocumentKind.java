package org.relais.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a part is to the partnership, and the flow that takes it next (none for OTHER); routes/intake-process.yaml
 * says which queue each flow reads.
 */
public enum DocumentKind {
    BUDGET_FORECAST("budget"),
    FINANCIAL_REPORT("report"),
    SUPPORTING_DOCUMENT("report"),
    MINUTES("minutes"),
    ATTENDANCE("attendance"),
    /**
     * Outreach: a coordinator's synthesis, conclusions or press release, for one seminar or the whole programme,
     * translated like minutes (by the same flow) and then distributed by its policy.
     */
    SYNTHESIS("minutes"),
    CONCLUSIONS("minutes"),
    PRESS_RELEASE("minutes"),
    /** A mail asking for the budget model; the budget flow answers it with the model in the sender's language. */
    TEMPLATE_REQUEST("budget"),
    /** A coordinator's or a funder's mail asking for a seminar's funders' dossier; answered with it. */
    DOSSIER_REQUEST("dossier"),
    /** A delivery status notification (RFC 3464) about a mail Relais sent. */
    DELIVERY_REPORT("bounce"),
    OTHER(null);

    private final String flow;

    DocumentKind(String flow) {
        this.flow = flow;
    }

    public Optional<String> flow() {
        return Optional.ofNullable(flow);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The name distribution policies know the kind by (config/distribution/policies.yaml): press-release. */
    public String distributedAs() {
        return code().replace('_', '-');
    }

    /** The kind distribution policies know by this name. */
    public static Optional<DocumentKind> ofDistributed(String name) {
        return Arrays.stream(values()).filter(kind -> kind.distributedAs().equals(name)).findFirst();
    }

    /** The kinds only a coordinator gives the hub, which leave it for the audiences of their distribution policy. */
    public boolean outreach() {
        return this == SYNTHESIS || this == CONCLUSIONS || this == PRESS_RELEASE;
    }
}
