package org.relais.intake;

/**
 * A fetched mail as stored: its id, whether it still waits for processing (a new mail, or one a crash left), and
 * whether this store inserted it (its row then holds exactly the bytes just stored).
 */
public record MailReceipt(long mailId, boolean needsProcessing, boolean inserted) {

    public IntakeTicket ticket() {
        return new IntakeTicket(mailId);
    }
}
