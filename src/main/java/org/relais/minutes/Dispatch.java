package org.relais.minutes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * What a step of the minutes and translation flows sends once its work is committed: mails to send, events for the
 * follow-up group, translation jobs, the request to distribute. {@code routes/minutes-dispatch.yaml} puts each on
 * its queue.
 */
public record Dispatch(List<Outbound> messages) {

    public static final String MAIL_QUEUE = "mail.outgoing";
    public static final String EVENTS_QUEUE = "events";
    public static final String DISTRIBUTION_QUEUE = "distribution";

    public Dispatch {
        messages = List.copyOf(messages);
    }

    public static Dispatch none() {
        return new Dispatch(List.of());
    }

    public static Dispatch mails(String reference, List<OutgoingTicket> tickets) {
        return new Dispatch(tickets.stream().map(t -> Outbound.of(MAIL_QUEUE, reference, t)).toList());
    }

    public static Dispatch event(PipelineEvent event) {
        return new Dispatch(List.of(Outbound.of(EVENTS_QUEUE, event.reference(), event)));
    }

    public static Dispatch distribution(DistributionRequest request) {
        return new Dispatch(List.of(Outbound.of(DISTRIBUTION_QUEUE, request.reference(), request)));
    }

    public static Dispatch message(String queue, String reference, Object payload) {
        return new Dispatch(List.of(Outbound.of(queue, reference, payload)));
    }

    public Dispatch and(Dispatch other) {
        List<Outbound> all = new ArrayList<>(messages);
        all.addAll(other.messages);
        return new Dispatch(all);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
