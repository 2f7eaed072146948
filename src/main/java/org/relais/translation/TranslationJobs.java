package org.relais.translation;

import java.util.Optional;
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
 * can do goes to the coordinators. Once per job: a ticket delivered twice finds the job started.
 */
@Component("translationJobs")
public class TranslationJobs {

    private final TranslationJobRepository jobs;
    private final MinutesCollector collector;
    private final Translators translators;
    private final DispatchLog log;

    TranslationJobs(TranslationJobRepository jobs, MinutesCollector collector, Translators translators,
                    DispatchLog log) {
        this.jobs = jobs;
        this.collector = collector;
        this.translators = translators;
        this.log = log;
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
