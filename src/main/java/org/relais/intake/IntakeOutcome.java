package org.relais.intake;

import java.util.List;
import java.util.Map;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;

/**
 * What processing a mail produced, for routes/intake-process.yaml to hand on: documents to their flows, awaited
 * replies to the flows awaiting them, events for the follow-up group, and mails to send.
 */
public record IntakeOutcome(String reference, List<DocumentMessage> documents, List<ReplyMessage> replies,
                            List<PipelineEvent> events, List<OutgoingTicket> mails) {

    static IntakeOutcome replied(String reference, List<ReplyMessage> replies) {
        return new IntakeOutcome(reference, List.of(), replies, List.of(), List.of());
    }

    static IntakeOutcome answered(String reference, List<OutgoingTicket> mails) {
        return new IntakeOutcome(reference, List.of(), List.of(), List.of(), mails);
    }

    /** The documents handed to their flows, each announced to the follow-up group (a delivery report is not). */
    static IntakeOutcome handedOn(String reference, List<DocumentMessage> documents, List<ReplyMessage> replies,
                                  List<OutgoingTicket> mails) {
        List<PipelineEvent> received = documents.stream()
                .filter(document -> !document.kind().equals(DocumentKind.DELIVERY_REPORT.code()))
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
