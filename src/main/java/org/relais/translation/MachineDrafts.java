package org.relais.translation;

import java.util.Optional;
import org.relais.minutes.MinutesCollector;
import org.relais.minutes.MinutesDocument;
import org.relais.minutes.TranslationJobTicket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the machine for a translation when the job's language is configured for it (as a draft for the translator,
 * or as the final version), once per job, and keeps what it gives if it passes the check. Runs outside any
 * transaction: a slow service holds no lock. A machine that fails only leaves the job to the translators.
 */
@Component("machineDrafts")
public class MachineDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(MachineDrafts.class);

    private final TranslationJobRepository jobs;
    private final MinutesCollector collector;
    private final MachineTranslator machine;
    private final TranslationCheck check;

    MachineDrafts(TranslationJobRepository jobs, MinutesCollector collector, MachineTranslator machine,
                  TranslationCheck check) {
        this.jobs = jobs;
        this.collector = collector;
        this.machine = machine;
        this.check = check;
    }

    /** Returns the ticket, for the next step. */
    public TranslationJobTicket prepare(TranslationJobTicket ticket) {
        Optional<TranslationJob> job = jobs.find(ticket.jobId());
        if (job.isEmpty() || job.get().machine().equals(TranslationProperties.MACHINE_OFF)
                || job.get().machineAttempted() || !job.get().state().equals(TranslationJob.QUEUED)) {
            return ticket;
        }
        MinutesDocument source = collector.document(job.get().sourceDocumentId()).orElseThrow();
        String draft = null;
        String problem;
        try {
            draft = machine.translate(source.text(), job.get().sourceLanguage(), job.get().targetLanguage());
            problem = check.problem(draft, source.text(), job.get().targetLanguage())
                    .map(p -> "machine translation " + p.code() + (p.detected() == null ? "" : " (" + p.detected() + ")"))
                    .orElse(null);
        } catch (MachineTranslationException e) {
            problem = "machine translation failed: " + e.getMessage();
        }
        if (problem != null) {
            LOG.warn("Job {} ({} → {}): {}", ticket.jobId(), job.get().sourceLanguage(), job.get().targetLanguage(),
                    problem);
        }
        jobs.recordMachine(ticket.jobId(), problem == null ? draft : null, problem);
        return ticket;
    }
}
