package org.relais.intake;

import java.util.List;
import org.relais.mail.OutgoingTicket;

/** What processing a mail produced: documents and awaited replies for the flows' queues, and mails to send. */
public record IntakeOutcome(String reference, List<DocumentMessage> documents, List<ReplyMessage> replies,
                            List<OutgoingTicket> outgoingMails) {

    static IntakeOutcome replied(String reference, List<ReplyMessage> replies) {
        return new IntakeOutcome(reference, List.of(), replies, List.of());
    }

    static IntakeOutcome answered(String reference, List<OutgoingTicket> outgoingMails) {
        return new IntakeOutcome(reference, List.of(), List.of(), outgoingMails);
    }
}
