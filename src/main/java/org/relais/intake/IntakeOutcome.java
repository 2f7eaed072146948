package org.relais.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * What processing a mail produced, for routes/intake-process.yaml to hand on: documents to their flows, awaited
 * replies to the flows awaiting them, events for the follow-up group, and mails to send.
 */
public record IntakeOutcome(String reference, List<DocumentMessage> documents, List<ReplyMessage> replies,
                            List<PipelineEvent> events, List<OutgoingTicket> mails) {

    /**
     * A rehearsal ticket's: nothing to hand on, and one answer that names no mail (ids start at 1), for which the
     * sending route finds nothing to send, so that its way is rehearsed too.
     */
    static final IntakeOutcome REHEARSED = new IntakeOutcome(null, List.of(), List.of(), List.of(),
            List.of(new OutgoingTicket(0)));

    static IntakeOutcome replied(String reference, List<ReplyMessage> replies) {
        return new IntakeOutcome(reference, List.of(), replies, List.of(), List.of());
    }

    static IntakeOutcome answered(String reference, List<OutgoingTicket> mails) {
        return new IntakeOutcome(reference, List.of(), List.of(), List.of(), mails);
    }

    /**
     * Documents intake does not announce: their flow tells the follow-up group itself what it made of them (the
     * budget's verdict, the minutes received), so that a member hears once of each document; requests are answered to
     * their sender, and delivery reports concern the hub alone.
     */
    private static final Set<String> NOT_ANNOUNCED = Set.of(DocumentKind.BUDGET_FORECAST.code(),
            DocumentKind.MINUTES.code(), DocumentKind.TEMPLATE_REQUEST.code(), DocumentKind.DOSSIER_REQUEST.code(),
            DocumentKind.DELIVERY_REPORT.code());

    /** The documents handed to their flows, announced to the follow-up group unless their flow tells of them. */
    static IntakeOutcome handedOn(String reference, List<DocumentMessage> documents, List<ReplyMessage> replies,
                                  List<OutgoingTicket> mails) {
        List<PipelineEvent> received = documents.stream()
                .filter(document -> !NOT_ANNOUNCED.contains(document.kind()))
                .map(IntakeOutcome::received)
                .toList();
        return new IntakeOutcome(reference, documents, replies, received, mails);
    }

    private static PipelineEvent received(DocumentMessage document) {
        return new PipelineEvent("document-received", document.reference(), document.seminar(), Map.of(
                "kind", document.kind(), "sender", document.sender(),
                "fileName", document.fileName() == null ? "" : document.fileName()));
    }
}
