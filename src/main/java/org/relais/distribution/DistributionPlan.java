package org.relais.distribution;

import java.util.List;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/** What a step of list mail hands on: mails to send (distribution.outgoing) and events to publish (events). */
public record DistributionPlan(List<OutgoingTicket> mails, List<PipelineEvent> events) {

    public static DistributionPlan nothing() {
        return new DistributionPlan(List.of(), List.of());
    }
}
