package org.relais.translation;

import java.util.List;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.intake.AwaitedReplies;
import org.relais.minutes.Dispatch;
import org.relais.minutes.DispatchLog;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesVersion;
import org.relais.minutes.TranslationJobTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a job taken from its {@code translation.<language>} queue: a machine translation configured as final
 * becomes the version; otherwise the job goes to the first translator (with the machine draft, if any); a job no one
 * can do goes to the coordinators. Once per job: a ticket delivered twice finds the job started. A coordinator may
 * give an unfinished job to a translator of their choice (org.relais.decision).
 */
@Component("translationJobs")
public class TranslationJobs {

    /**
     * A job of minutes still collecting, not done: with a translator (who is named), or waiting for a coordinator;
     * with the directory's translators a coordinator may give it to, those into its language first.
     */
    public record Unfinished(long jobId, String targetLanguage, String translator, List<Contact> candidates) {
    }

    private final TranslationJobRepository jobs;
    private final MinutesCollector collector;
    private final Translators translators;
    private final AwaitedReplies awaited;
    private final DispatchLog log;

    TranslationJobs(TranslationJobRepository jobs, MinutesCollector collector, Translators translators,
                    AwaitedReplies awaited, DispatchLog log) {
        this.jobs = jobs;
        this.collector = collector;
        this.translators = translators;
        this.awaited = awaited;
        this.log = log;
    }

    @Transactional(readOnly = true)
    public List<Unfinished> unfinished(String reference) {
        if (collector.find(reference).filter(Minutes::collecting).isEmpty()) {
            return List.of();
        }
        return jobs.jobs(reference).stream()
                .filter(job -> job.state().equals(TranslationJob.WITH_TRANSLATOR)
                        || job.state().equals(TranslationJob.WAITING_COORDINATOR))
                .map(job -> new Unfinished(job.id(), job.targetLanguage(), pendingTranslator(job.id()),
                        translators.translators(job.targetLanguage())))
                .toList();
    }

    /**
     * Gives an unfinished job to the translator a coordinator chose: whoever was asked is no longer awaited (a
     * translation they send later is new mail), and the chosen one gets the job by mail, reminded if silent.
     */
    @Transactional
    public Dispatch giveTo(long jobId, Contact translator) {
        TranslationJob found = jobs.find(jobId).orElseThrow();
        Minutes minutes = collector.lock(found.reference()).orElseThrow();
        TranslationJob job = jobs.lock(jobId).orElseThrow();
        jobs.assignments(jobId).stream().filter(a -> a.outcome().equals("pending")).forEach(asked -> {
            jobs.answer(jobId, asked.translator(), "withdrawn", null);
            awaited.forget(minutes.reference(), asked.translator(), Translators.REPLY_FLOW);
        });
        return translators.ask(minutes, job, translator);
    }

    private String pendingTranslator(long jobId) {
        return jobs.assignments(jobId).stream().filter(a -> a.outcome().equals("pending"))
                .map(TranslationJobRepository.Assignment::translator).findFirst().orElse(null);
    }

    @Transactional
    public Dispatch start(TranslationJobTicket ticket) {
        Optional<Minutes> minutes = collector.lock(ticket.reference());
        Optional<TranslationJob> job = minutes.isEmpty() ? Optional.empty() : jobs.lock(ticket.jobId());
        if (job.isEmpty()) {
            return Dispatch.none();
        }
        return log.once("job-start:" + ticket.jobId(), ticket.reference(), () -> start(minutes.get(), job.get()));
    }

    private Dispatch start(Minutes minutes, TranslationJob job) {
        if (!job.state().equals(TranslationJob.QUEUED)) {
            return Dispatch.none();
        }
        if (job.machine().equals(TranslationProperties.MACHINE_FINAL) && job.machineDraft() != null) {
            String fileName = minutes.reference() + "_" + job.targetLanguage() + ".txt";
            long partId = collector.storeTextPart(minutes.mailId(), fileName, job.machineDraft());
            collector.add(minutes.reference(), new MinutesVersion(job.targetLanguage(), MinutesCollector.ORIGIN_MACHINE,
                    partId, fileName, job.machineDraft(), "machine"));
            jobs.setState(job.id(), TranslationJob.DONE, null);
            return collector.completeIfAllPresent(minutes.reference());
        }
        if (job.human()) {
            return translators.assignNext(minutes, job);
        }
        jobs.setState(job.id(), TranslationJob.WAITING_COORDINATOR, job.machineProblem());
        return translators.escalate(minutes, job, "machine-failed", null);
    }
}
