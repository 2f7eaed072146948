package org.relais.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relais.minutes.Dispatch;
import org.relais.minutes.DispatchLog;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesDocument;
import org.relais.minutes.TranslationJobTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One job per configured language the minutes lack (neither its source nor a version the sender supplied), each
 * handed to the queue of its language. Nothing while the language of one of its documents is unknown: that
 * document may be the version of a language that would otherwise be translated. Jobs are unique per language and
 * each is put on its queue once, by the step that made it; the message that caused the planning, delivered again
 * after a crash, sends the same tickets again.
 */
@Component("translationPlanner")
public class TranslationPlanner {

    private final MinutesCollector collector;
    private final TranslationJobRepository jobs;
    private final TranslationProperties properties;
    private final DispatchLog log;

    TranslationPlanner(MinutesCollector collector, TranslationJobRepository jobs, TranslationProperties properties,
                       DispatchLog log) {
        this.collector = collector;
        this.jobs = jobs;
        this.properties = properties;
        this.log = log;
    }

    /** @param cause what asked for the planning (document:42, decision:…), under which its tickets are kept */
    @Transactional
    public Dispatch plan(String reference, String cause) {
        Optional<Minutes> minutes = collector.lock(reference);
        if (minutes.isEmpty()) {
            return Dispatch.none();
        }
        return log.once("plan:" + cause, reference, () -> plan(minutes.get()));
    }

    private Dispatch plan(Minutes minutes) {
        String reference = minutes.reference();
        if (!minutes.collecting()) {
            return Dispatch.none();
        }
        List<MinutesDocument> documents = collector.documents(reference);
        if (documents.isEmpty() || documents.stream().anyMatch(d -> !d.languageKnown())) {
            return Dispatch.none();
        }
        MinutesDocument source = source(minutes, documents);
        List<String> planned = new ArrayList<>();
        for (String language : collector.missingLanguages(reference)) {
            TranslationProperties.Provider provider = properties.provider(language);
            if (jobs.insertIfAbsent(reference, source.documentId(), source.language(), language, provider.human(),
                    provider.machine())) {
                planned.add(language);
            }
        }
        Dispatch tickets = Dispatch.none();
        for (TranslationJob job : jobs.jobs(reference)) {
            if (planned.contains(job.targetLanguage())) {
                tickets = tickets.and(Dispatch.ofJob(new TranslationJobTicket(job.id(), reference,
                        job.targetLanguage())));
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
