package org.relais.distribution;

import java.util.List;
import org.apache.camel.ProducerTemplate;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;

/**
 * Puts mails written outside a route (the console's send-now, resend-failed) on the send queue, through the route
 * distribution-queue-mails. Call it after the transaction that wrote them has committed.
 */
@Component
public class ListMailQueue {

    private final ProducerTemplate camel;

    ListMailQueue(ProducerTemplate camel) {
        this.camel = camel;
    }

    public void queue(List<OutgoingTicket> mails) {
        if (!mails.isEmpty()) {
            camel.sendBody("direct:distribution-queue-mails", mails);
        }
    }
}
