package org.relais.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What was written and what became of it: to send again after a crash, a refusal or a bounce. */
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
     * Mails to put on the send queue again: refused for now and due for their next attempt, or never sent, stored
     * longer ago than {@code age} and held by no sender (their ticket was lost in a crash); each tried fewer than
     * {@code maxAttempts}. A mail handed a ticket here is not handed another before {@code age} has passed again.
     */
    @Transactional
    public List<OutgoingTicket> unsentFor(Duration age, int maxAttempts) {
        return repository.ticketAgain(age, maxAttempts).stream().map(OutgoingTicket::new).toList();
    }

    /** Only the mails written for one purpose (a budget verdict among the answers to the same mail). */
    public List<OutgoingTicket> ticketsFor(long inboundMailId, String purpose) {
        return repository.idsFor(inboundMailId, purpose).stream().map(OutgoingTicket::new).toList();
    }

    /**
     * Mails of these purposes to send now: deferred after a temporary refusal and due again, or still unsent
     * {@code unsentFor} after they were written (their ticket was lost in a crash of the broker).
     */
    public List<OutgoingTicket> due(List<String> purposes, Duration unsentFor) {
        return repository.due(purposes, unsentFor).stream().map(OutgoingTicket::new).toList();
    }

    /**
     * Mails refused for good or bounced, to send again (a coordinator corrected something): attempts start over and
     * they are due at once for {@link #due}.
     */
    public List<OutgoingTicket> reopen(List<Long> outgoingMailIds) {
        return repository.reopen(outgoingMailIds).stream().map(OutgoingTicket::new).toList();
    }

    /**
     * A mail Relais wrote, as a reply or a bounce report names it.
     *
     * @param requestReference the request the mail asks its recipient to answer, if it asks one
     * @param accepted         whether a server ever accepted the mail (sent, even if it bounced since)
     */
    public record Written(long id, String purpose, String recipient, String requestReference, boolean accepted) {
    }

    public Optional<Written> byMessageId(String messageId) {
        return repository.byMessageId(messageId);
    }

    /** A hard bounce: the mail did not arrive and will not be sent again. */
    public void bounced(long outgoingMailId, String diagnostic) {
        repository.markBounced(outgoingMailId, diagnostic, null);
    }

    /** A soft bounce: the mail did not arrive; it is sent again (same Message-ID) at {@code nextAttempt}. */
    public void sendAgainAfterSoftBounce(long outgoingMailId, String diagnostic, Instant nextAttempt) {
        repository.markBounced(outgoingMailId, diagnostic, nextAttempt);
    }
}
