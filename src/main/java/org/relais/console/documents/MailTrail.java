package org.relais.console.documents;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The intake steps: the mail fetched and understood, each part inspected, each document queued, each answer. */
@Component
@Order(1)
class MailTrail implements TrailSource {

    private final DocumentRepository documents;
    private final Deliveries deliveries;

    MailTrail(DocumentRepository documents, Deliveries deliveries) {
        this.documents = documents;
        this.deliveries = deliveries;
    }

    @Override
    public List<TrailStep> steps(TrailSubject subject) {
        List<TrailStep> steps = new ArrayList<>();
        documents.mailOfReference(subject.reference()).ifPresent(mail -> {
            steps.add(TrailStep.ok(mail.fetchedAt(), "mail-received",
                    mail.sender() + " — " + nullToEmpty(mail.subject())));
            String outcome = switch (mail.state()) {
                case "processed", "automated" -> "ok";
                case "received" -> "pending";
                default -> "failed";
            };
            steps.add(new TrailStep(mail.processedAt() == null ? mail.fetchedAt() : mail.processedAt(),
                    "intake-" + mail.state(), outcome, mail.seminar() == null ? null : mail.seminar(),
                    mail.problem(), null));
            for (DocumentRepository.PartRow part : documents.parts(mail.id())) {
                if (part.kind().equals("body")) {
                    continue;
                }
                String detail = nullToEmpty(part.fileName()) + " — " + nullToEmpty(part.detectedType()) + " — "
                        + part.kind();
                steps.add(new TrailStep(mail.processedAt(), "part-inspected",
                        part.rejection() == null ? "ok" : "warning", detail, part.rejection(), null));
            }
        });
        for (DocumentRepository.DocumentRow document : documents.ofReference(subject.reference())) {
            steps.add(TrailStep.ok(document.createdAt(), "document-queued",
                    nullToEmpty(document.fileName()) + " → " + document.flow()));
        }
        for (Deliveries.Delivery delivery : deliveries.ofMail(subject.mailId())) {
            String detail = delivery.purpose() + " → " + delivery.recipient() + " — " + delivery.subject();
            steps.add(TrailStep.ok(delivery.createdAt(), "answer-written", detail).withText(delivery.text()));
            if (delivery.sentAt() != null) {
                steps.add(TrailStep.ok(delivery.sentAt(), "answer-sent", delivery.recipient()));
            } else {
                steps.add(new TrailStep(delivery.createdAt(), "answer-sent",
                        delivery.lastError() == null ? "pending" : "failed", delivery.recipient(),
                        delivery.lastError(), null));
            }
        }
        return steps;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
