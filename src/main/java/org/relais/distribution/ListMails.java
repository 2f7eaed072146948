package org.relais.distribution;

import java.util.List;
import org.relais.mail.OutgoingTicket;

/** List mails written outside a route, handed to the send queue by routes/hand-off.yaml ({@link ListMailQueue}). */
public record ListMails(List<OutgoingTicket> tickets) {
}
