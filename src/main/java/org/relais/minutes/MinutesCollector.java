package org.relais.minutes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.distribution.DistributionRequest;
import org.relais.event.PipelineEvent;
import org.relais.intake.DocumentKind;
import org.springframework.stereotype.Component;

/**
 * The persistent aggregation of a minutes' versions: each version is a row in PostgreSQL, so the collection
 * survives restarts. When every configured language is there (or a coordinator decides), the minutes are complete:
 * one {@link DistributionRequest} on the distribution queue and a translations-complete event, exactly once
 * (the state moves from collecting to complete in the same transaction).
 */
@Component
public class MinutesCollector {

    public static final String ORIGIN_SENDER = "sender";
    public static final String ORIGIN_TRANSLATOR = "translator";
    public static final String ORIGIN_MACHINE = "machine";

    private final MinutesRepository repository;
    private final MinutesProperties properties;

    MinutesCollector(MinutesRepository repository, MinutesProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    public Optional<Minutes> lock(String reference) {
        return repository.lock(reference);
    }

    public Optional<Minutes> find(String reference) {
        return repository.find(reference);
    }

    public List<MinutesDocument> documents(String reference) {
        return repository.documents(reference);
    }

    public Optional<MinutesDocument> document(long documentId) {
        return repository.document(documentId);
    }

    public List<MinutesVersion> versions(String reference) {
        return repository.versions(reference);
    }

    /** The configured languages the minutes does not have yet, in configuration order. */
    public List<String> missingLanguages(String reference) {
        List<String> present = repository.versions(reference).stream().map(MinutesVersion::language).toList();
        return properties.languages().stream().filter(l -> !present.contains(l)).toList();
    }

    /** Adds a version; false when the language already had one (the first one stays). */
    public boolean add(String reference, MinutesVersion version) {
        return repository.insertVersion(reference, version);
    }

    /** Keeps a text as a UTF-8 part of a mail (see {@link MinutesRepository#insertTextPart}) and returns its id. */
    public long storeTextPart(long mailId, String fileName, String text) {
        return repository.insertTextPart(mailId, fileName, text);
    }

    /**
     * The sender's own version in the document's language, unless the language has one already (a second document
     * in the same language stays a document). A mail body becomes a text part, so that every version is a file.
     */
    void addSendersVersion(Minutes minutes, MinutesDocument document) {
        if (versions(minutes.reference()).stream().anyMatch(v -> v.language().equals(document.language()))) {
            return;
        }
        boolean isFile = document.fileName() != null;
        String fileName = isFile ? document.fileName() : minutes.reference() + "_" + document.language() + ".txt";
        long partId = isFile ? document.partId() : storeTextPart(minutes.mailId(), fileName, document.text());
        add(minutes.reference(), new MinutesVersion(document.language(), ORIGIN_SENDER, partId, fileName,
                document.text(), minutes.sender()));
    }

    /** Call with the minutes locked. Completes them when no configured language is missing. */
    public Dispatch completeIfAllPresent(String reference) {
        Minutes minutes = repository.find(reference).orElseThrow();
        if (!minutes.collecting() || !missingLanguages(reference).isEmpty()) {
            return Dispatch.none();
        }
        return complete(minutes, "all-languages");
    }

    /** Call with the minutes locked. Completes them with the versions there are; nothing if already complete. */
    Dispatch complete(Minutes minutes, String completedBy) {
        List<MinutesVersion> versions = ordered(minutes, repository.versions(minutes.reference()));
        if (versions.isEmpty() || !repository.complete(minutes.reference(), completedBy)) {
            return Dispatch.none();
        }
        DistributionRequest request = new DistributionRequest(minutes.reference(), minutes.kind(), minutes.seminar(),
                minutes.title(), versions.stream()
                .map(v -> new DistributionRequest.Version(v.language(), v.partId(), v.fileName())).toList());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("kind", DocumentKind.MINUTES.code());
        facts.put("title", String.valueOf(minutes.title()));
        facts.put("languages", String.join(",", versions.stream().map(MinutesVersion::language).toList()));
        facts.put("missing", String.join(",", missingLanguages(minutes.reference())));
        facts.put("completedBy", completedBy);
        facts.put("sender", minutes.sender());
        return Dispatch.ofDistribution(request)
                .and(Dispatch.ofEvent(new PipelineEvent("translations-complete", minutes.reference(), minutes.seminar(),
                        facts)));
    }

    /** The sender's own versions first (the first one gives the title), then the others in configuration order. */
    private List<MinutesVersion> ordered(Minutes minutes, List<MinutesVersion> versions) {
        List<MinutesVersion> sorted = new ArrayList<>(versions);
        List<String> order = properties.sourceLanguages();
        sorted.sort(Comparator.comparing((MinutesVersion v) -> !v.origin().equals(ORIGIN_SENDER))
                .thenComparing(v -> order.indexOf(v.language())));
        return sorted;
    }
}
