package org.relais.console.distributions;

import java.util.List;
import org.relais.console.ActionLog;
import org.relais.distribution.ListMailQueue;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;

/**
 * A coordinator's action that wrote mails (resend failed, send a newsletter now): the mails, committed by the
 * service that wrote them, go to the send queue as the flows' own API hands them on, and the action is recorded
 * with the number of mails. Mails that could not be queued stay unsent in the ledger, where the resend sweep finds
 * them.
 */
@Component
class MailActions {

    private final ListMailQueue queue;
    private final ActionLog actions;

    MailActions(ListMailQueue queue, ActionLog actions) {
        this.queue = queue;
        this.actions = actions;
    }

    /** @param target {@code distribution-<id>} or {@code newsletter-issue-<id>} (LedgerRepository names them) */
    void handOn(String action, String target, List<OutgoingTicket> mails) {
        try {
            queue.queue(mails);
        } catch (RuntimeException e) {
            actions.record(action, target, "failed", Integer.toString(mails.size()));
            throw e;
        }
        actions.record(action, target, mails.isEmpty() ? "nothing" : "done", Integer.toString(mails.size()));
    }
}
