package org.relais.budget;

import java.util.List;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/** What checking a forecast produced: the verdict and review requests to send, the follow-up group's events. */
public record CheckedForecast(List<OutgoingTicket> mails, List<PipelineEvent> events) {
}
