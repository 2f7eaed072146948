package org.relais.intake;

/** A fetched mail as stored: its id, and whether it still waits for processing (a new mail, or one a crash left). */
public record MailReceipt(long mailId, boolean needsProcessing) {

    public IntakeTicket ticket() {
        return new IntakeTicket(mailId);
    }
}
