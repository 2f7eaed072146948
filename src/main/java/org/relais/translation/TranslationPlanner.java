package org.relais.translation;

import java.util.List;
import java.util.Optional;
import org.relais.minutes.Dispatch;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesDocument;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One job per configured language the minutes lack (neither its source nor a version the sender supplied), on the
 * queue {@code translation.<language>}. Nothing while the language of one of its documents is unknown: that
 * document may be the version of a language that would otherwise be translated. Planning again is harmless: jobs
 * are unique per language, and a ticket for a job already started is ignored.
 */
@Component("translationPlanner")
public class TranslationPlanner {

    private final MinutesCollector collector;
    private final TranslationJobRepository jobs;
    private final TranslationProperties properties;

    TranslationPlanner(MinutesCollector collector, TranslationJobRepository jobs, TranslationProperties properties) {
        this.collector = collector;
        this.jobs = jobs;
        this.properties = properties;
    }

    @Transactional
    public Dispatch plan(String reference) {
        Optional<Minutes> minutes = collector.lock(reference);
        if (minutes.isEmpty() || !minutes.get().collecting()) {
            return Dispatch.none();
        }
        List<MinutesDocument> documents = collector.documents(reference);
        if (documents.isEmpty() || documents.stream().anyMatch(d -> !d.languageKnown())) {
            return Dispatch.none();
        }
        MinutesDocument source = source(minutes.get(), documents);
        for (String language : collector.missingLanguages(reference)) {
            TranslationProperties.Provider provider = properties.provider(language);
            jobs.insertIfAbsent(reference, source.documentId(), source.language(), language, provider.human(),
                    provider.machine());
        }
        Dispatch tickets = Dispatch.none();
        for (TranslationJob job : jobs.jobs(reference)) {
            if (job.state().equals(TranslationJob.QUEUED)) {
                TranslationJobTicket ticket = new TranslationJobTicket(job.id(), reference, job.targetLanguage());
                tickets = tickets.and(Dispatch.message(ticket.queue(), reference, ticket));
            }
        }
        return tickets;
    }

    /** The text translators work from: the document in the sender's own language, else the first one. */
    private static MinutesDocument source(Minutes minutes, List<MinutesDocument> documents) {
        return documents.stream().filter(d -> !d.text().isBlank())
                .filter(d -> d.language().equals(minutes.senderLanguage())).findFirst()
                .or(() -> documents.stream().filter(d -> !d.text().isBlank()).findFirst())
                .orElse(documents.get(0));
    }
}
