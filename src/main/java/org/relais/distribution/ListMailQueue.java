package org.relais.distribution;

import java.util.List;
import org.relais.broker.RouteHandOff;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;

/**
 * Hands list mails written outside a route (the console's send-now, resend-failed) to the send queue, through
 * routes/hand-off.yaml, once the transaction that wrote them has committed.
 */
@Component
public class ListMailQueue {

    private final RouteHandOff handOff;

    ListMailQueue(RouteHandOff handOff) {
        this.handOff = handOff;
    }

    public void queue(List<OutgoingTicket> mails) {
        if (!mails.isEmpty()) {
            handOff.afterCommit(new ListMails(mails));
        }
    }
}
