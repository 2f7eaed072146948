package org.relais.distribution;

import java.util.List;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;

/**
 * The list mails to put on the send queue again: deferred after a 4xx and due, sent again after a soft bounce,
 * reopened by a coordinator, or unsent long after they were written (a ticket lost with the broker).
 */
@Component("listMailRetries")
public class ListMailRetries {

    /**
     * The purposes of every list mail: this capability's, and those of the newsletters and notifications, which
     * write theirs through {@link ListMailWriter}.
     */
    public static final List<String> PURPOSES = List.of(DistributionPlanner.PURPOSE, "newsletter", "notification",
            "notification-digest", ListReplies.CONFIRMATION, ListReplies.FORWARD);

    private final OutgoingMailLedger ledger;
    private final DistributionProperties properties;

    ListMailRetries(OutgoingMailLedger ledger, DistributionProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    public List<OutgoingTicket> due() {
        return ledger.due(PURPOSES, properties.resendUnsentAfter());
    }
}
