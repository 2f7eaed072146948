package org.relais.minutes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coordinator decides about minutes (org.relais.decision applies it, from the console or from a reply): the
 * language of a document the detector could not tell, circulating the minutes without every translation (typically
 * after the deadline), a later deadline. Each is applied in the caller's transaction and returns what it hands on.
 */
@Component
public class MinutesDecisions {

    /** Minutes still collecting their versions: what there is, and what is missing. */
    public record Collecting(Minutes minutes, List<String> present, List<String> missing) {
    }

    private final MinutesRepository repository;
    private final MinutesCollector collector;
    private final MinutesProperties properties;
    private final Clock clock;

    MinutesDecisions(MinutesRepository repository, MinutesCollector collector, MinutesProperties properties,
                     Clock clock) {
        this.repository = repository;
        this.collector = collector;
        this.properties = properties;
        this.clock = clock;
    }

    /** The documents of the minutes whose language the detector could not tell and no coordinator has set. */
    @Transactional(readOnly = true)
    public List<MinutesDocument> uncertain(String reference) {
        return repository.documents(reference).stream().filter(document -> !document.languageKnown()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Collecting> collecting(String reference) {
        return repository.find(reference).filter(Minutes::collecting).map(minutes -> new Collecting(minutes,
                collector.versions(reference).stream().map(MinutesVersion::language).toList(),
                collector.missingLanguages(reference)));
    }

    /** The languages a document may be set to: those a minutes may be written in. */
    public List<String> languages() {
        return properties.sourceLanguages();
    }

    /** The longest extension of a deadline at a time: one completion period. */
    public Duration longestExtension() {
        return properties.completionDeadline();
    }

    /**
     * Sets the language of a document; it becomes the sender's version of that language (unless the language has
     * one), and the minutes complete if no language is missing any more. Translations are planned next.
     */
    @Transactional
    public Dispatch setLanguage(long documentId, String language, String coordinator) {
        if (!languages().contains(language)) {
            throw new IllegalArgumentException("Unknown language " + language + "; known: " + languages());
        }
        MinutesDocument document = repository.document(documentId)
                .orElseThrow(() -> new IllegalArgumentException("No minutes document " + documentId));
        Minutes minutes = repository.lock(document.reference()).orElseThrow();
        repository.setLanguage(documentId, language, coordinator);
        collector.addSendersVersion(minutes, repository.document(documentId).orElseThrow());
        return collector.completeIfAllPresent(minutes.reference());
    }

    /** Circulates the minutes with the versions there are now; nothing when they have none or circulate already. */
    @Transactional
    public Dispatch circulate(String reference, String coordinator) {
        return collector.complete(repository.lock(reference).orElseThrow(), coordinator);
    }

    /**
     * Gives the minutes {@code days} more, counted from their deadline, or from now when it has passed; the
     * coordinators are told again if the new one passes too. Returns the new deadline.
     */
    @Transactional
    public Instant extend(String reference, int days) {
        Minutes minutes = repository.lock(reference).orElseThrow();
        Instant now = clock.instant();
        Instant deadline = (minutes.deadline().isAfter(now) ? minutes.deadline() : now).plus(Duration.ofDays(days));
        repository.extendDeadline(reference, deadline);
        return deadline;
    }
}
