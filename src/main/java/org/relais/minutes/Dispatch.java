package org.relais.minutes;

import java.util.ArrayList;
import java.util.List;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * What a step of the minutes and translation flows hands on once its work is committed: mails to send, events for
 * the follow-up group, translation jobs, requests to distribute. {@code routes/minutes-dispatch.yaml} puts each on
 * its queue; {@link DispatchLog} keeps it, so that a replayed step hands on the same again. (The factories are named
 * apart from the accessors: the routes' {@code ${body.mails}} must find the accessor.)
 */
public record Dispatch(List<OutgoingTicket> mails, List<PipelineEvent> events,
                       List<TranslationJobTicket> translationJobs, List<DistributionRequest> distributions) {

    public Dispatch {
        mails = List.copyOf(mails);
        events = List.copyOf(events);
        translationJobs = List.copyOf(translationJobs);
        distributions = List.copyOf(distributions);
    }

    public static Dispatch none() {
        return new Dispatch(List.of(), List.of(), List.of(), List.of());
    }

    public static Dispatch ofMails(List<OutgoingTicket> tickets) {
        return new Dispatch(tickets, List.of(), List.of(), List.of());
    }

    public static Dispatch ofEvent(PipelineEvent event) {
        return new Dispatch(List.of(), List.of(event), List.of(), List.of());
    }

    public static Dispatch ofJob(TranslationJobTicket ticket) {
        return new Dispatch(List.of(), List.of(), List.of(ticket), List.of());
    }

    public static Dispatch ofDistribution(DistributionRequest request) {
        return new Dispatch(List.of(), List.of(), List.of(), List.of(request));
    }

    public Dispatch and(Dispatch other) {
        return new Dispatch(joined(mails, other.mails), joined(events, other.events),
                joined(translationJobs, other.translationJobs), joined(distributions, other.distributions));
    }

    private static <T> List<T> joined(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
