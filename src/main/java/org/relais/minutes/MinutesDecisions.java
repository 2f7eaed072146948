package org.relais.minutes;

import java.time.Instant;
import org.relais.broker.RouteHandOff;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coordinator decides about a minutes, from the console: the language of a document the detector was unsure
 * about, circulating the minutes without every translation (typically after the deadline), a later deadline.
 * A decision is recorded, then handed over once committed (routes/hand-off.yaml puts it on the minutes.decisions
 * queue) and applied by the {@code minutes-apply-decision} route like any other step, so that its messages (jobs,
 * distribution) go out from a queue consumer, once.
 */
@Component("minutesDecisions")
public class MinutesDecisions {

    private final MinutesRepository repository;
    private final MinutesCollector collector;
    private final MinutesProperties properties;
    private final DispatchLog log;
    private final RouteHandOff handOff;

    MinutesDecisions(MinutesRepository repository, MinutesCollector collector, MinutesProperties properties,
                     DispatchLog log, RouteHandOff handOff) {
        this.repository = repository;
        this.collector = collector;
        this.properties = properties;
        this.log = log;
        this.handOff = handOff;
    }

    /** Sets the language of a document whose language the detector could not tell (or told wrong). */
    @Transactional
    public void setLanguage(long documentId, String language, String coordinator) {
        if (!properties.sourceLanguages().contains(language)) {
            throw new IllegalArgumentException("Unknown language " + language + "; known: "
                    + properties.sourceLanguages());
        }
        MinutesDocument document = repository.document(documentId)
                .orElseThrow(() -> new IllegalArgumentException("No minutes document " + documentId));
        repository.setLanguage(documentId, language, coordinator);
        handOff.afterCommit(new MinutesDecision(MinutesDecision.LANGUAGE, document.reference(), documentId, language,
                coordinator));
    }

    /** Circulates the minutes with the versions there are now. */
    @Transactional
    public void completeNow(String reference, String coordinator) {
        Minutes minutes = repository.find(reference)
                .orElseThrow(() -> new IllegalArgumentException("No minutes " + reference));
        if (collector.versions(reference).isEmpty()) {
            throw new IllegalStateException(reference + " has no version yet: set the language of its document first");
        }
        handOff.afterCommit(new MinutesDecision(MinutesDecision.COMPLETE, minutes.reference(), null, null,
                coordinator));
    }

    @Transactional
    public void extendDeadline(String reference, Instant deadline) {
        repository.extendDeadline(reference, deadline);
    }

    /** Applies a decision taken from the queue; a decision delivered twice is applied once. */
    @Transactional
    public Dispatch apply(MinutesDecision decision) {
        Minutes minutes = repository.lock(decision.reference()).orElseThrow();
        String cause = "decision:" + decision.kind() + ":" + decision.reference() + ":"
                + (decision.documentId() == null ? "" : decision.documentId() + ":" + decision.language());
        return log.once(cause, minutes.reference(), () -> switch (decision.kind()) {
            case MinutesDecision.LANGUAGE -> languageSet(minutes, decision);
            case MinutesDecision.COMPLETE -> collector.complete(minutes, decision.decidedBy());
            default -> throw new IllegalArgumentException("Unknown decision " + decision.kind());
        });
    }

    private Dispatch languageSet(Minutes minutes, MinutesDecision decision) {
        MinutesDocument document = repository.document(decision.documentId()).orElseThrow();
        if (!document.languageKnown()) {
            return Dispatch.none();
        }
        collector.addSendersVersion(minutes, document);
        return collector.completeIfAllPresent(minutes.reference());
    }
}
