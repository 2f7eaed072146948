package org.relais.budget;

import java.util.List;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/** What checking a forecast produced: the verdict and review requests to send, and the events for the follow-up group. */
public record CheckedForecast(List<OutgoingTicket> mails, List<PipelineEvent> events) {
}
