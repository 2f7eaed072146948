package org.relais.intake;

import java.util.List;
import org.relais.mail.OutgoingTicket;

/** What processing a mail produced: documents for the flows' queues and mails to send. */
public record IntakeOutcome(String reference, List<DocumentMessage> documents, List<OutgoingTicket> outgoingMails) {
}
