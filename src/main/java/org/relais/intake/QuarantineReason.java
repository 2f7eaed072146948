package org.relais.intake;

/**
 * Why intake keeps a mail in quarantine, read back from what it wrote in {@code inbound_mail.problem}: a kind the
 * console names in the reader's language, and the detail as the mail server gave it.
 *
 * @param kind   {@code unauthenticated}, {@code unknown-sender} or {@code other}
 * @param detail the mail server's verdicts for an unauthenticated sender, the problem itself for another kind
 */
public record QuarantineReason(String kind, String detail) {

    static final String UNAUTHENTICATED = "unauthenticated sender: ";
    private static final String UNKNOWN_SENDER = "unknown sender";

    static String unauthenticated(String verdicts) {
        return UNAUTHENTICATED + verdicts;
    }

    public static QuarantineReason of(String problem) {
        if (problem == null) {
            return new QuarantineReason("other", "");
        }
        if (problem.startsWith(UNAUTHENTICATED)) {
            return new QuarantineReason("unauthenticated", problem.substring(UNAUTHENTICATED.length()));
        }
        return problem.startsWith(UNKNOWN_SENDER) ? new QuarantineReason("unknown-sender", "")
                : new QuarantineReason("other", problem);
    }
}
