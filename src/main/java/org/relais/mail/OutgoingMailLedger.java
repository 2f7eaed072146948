package org.relais.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** What was written in answer to an inbound mail, to be sent again if a crash interrupted the sending. */
@Component("outgoingMailLedger")
public class OutgoingMailLedger {

    private final OutgoingMailRepository repository;

    OutgoingMailLedger(OutgoingMailRepository repository) {
        this.repository = repository;
    }

    public List<OutgoingTicket> ticketsFor(long inboundMailId) {
        return repository.idsFor(inboundMailId, null).stream().map(OutgoingTicket::new).toList();
    }

    /**
     * Mails stored longer ago than {@code age} and still unsent: their tickets were lost in a crash, or their sending
     * failed fewer than {@code maxAttempts} times (a mail the SMTP server keeps refusing stays in the DLQ).
     */
    public List<OutgoingTicket> unsentFor(Duration age, int maxAttempts) {
        return repository.unsentSince(age, maxAttempts).stream().map(OutgoingTicket::new).toList();
    }

    /** Only the mails written for one purpose (a budget verdict among the answers to the same mail). */
    public List<OutgoingTicket> ticketsFor(long inboundMailId, String purpose) {
        return repository.idsFor(inboundMailId, purpose).stream().map(OutgoingTicket::new).toList();
    }
}
