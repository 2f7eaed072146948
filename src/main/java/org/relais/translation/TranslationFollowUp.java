package org.relais.translation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.minutes.Dispatch;
import org.relais.minutes.DispatchLog;
import org.relais.minutes.FlowMails;
import org.relais.minutes.Minutes;
import org.relais.minutes.MinutesCollector;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translators who do not answer: a reminder {@code relais.translation.reminder-after} after the job, then, if still
 * silent {@code escalate-after} later, a word to the coordinators (who may give the job to someone else). A timer
 * finds what is due; each is handled from the {@code translation.follow-up} queue, once.
 */
@Component("translationFollowUp")
public class TranslationFollowUp {

    static final String REMINDER_PURPOSE = "translation-reminder";
    static final String REMINDER = "reminder";
    static final String ESCALATION = "escalation";

    private final TranslationJobRepository jobs;
    private final MinutesCollector collector;
    private final Translators translators;
    private final FlowMails mails;
    private final DispatchLog log;
    private final TranslationProperties properties;
    private final Clock clock = Clock.systemUTC();

    TranslationFollowUp(TranslationJobRepository jobs, MinutesCollector collector, Translators translators,
                        FlowMails mails, DispatchLog log, TranslationProperties properties) {
        this.jobs = jobs;
        this.collector = collector;
        this.translators = translators;
        this.mails = mails;
        this.log = log;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public List<FollowUpTicket> due() {
        List<FollowUpTicket> due = new ArrayList<>();
        jobs.remindersDue(reminderThreshold())
                .forEach(d -> due.add(new FollowUpTicket(REMINDER, d.jobId(), d.translator())));
        jobs.escalationsDue(escalationThreshold())
                .forEach(d -> due.add(new FollowUpTicket(ESCALATION, d.jobId(), d.translator())));
        return due;
    }

    @Transactional
    public Dispatch follow(FollowUpTicket ticket) {
        Optional<TranslationJob> found = jobs.find(ticket.jobId());
        if (found.isEmpty()) {
            return Dispatch.none();
        }
        Minutes minutes = collector.lock(found.get().reference()).orElseThrow();
        TranslationJob job = jobs.lock(ticket.jobId()).orElseThrow();
        String cause = "follow-up:" + ticket.kind() + ":" + ticket.jobId() + ":" + ticket.translator();
        return log.once(cause, minutes.reference(), () -> switch (ticket.kind()) {
            case REMINDER -> remind(minutes, job, ticket.translator());
            case ESCALATION -> jobs.markEscalated(job.id(), ticket.translator(), escalationThreshold())
                    ? translators.escalate(minutes, job, "silent", ticket.translator()) : Dispatch.none();
            default -> throw new IllegalArgumentException("Unknown follow-up " + ticket.kind());
        });
    }

    private Dispatch remind(Minutes minutes, TranslationJob job, String translator) {
        if (!jobs.markReminded(job.id(), translator, reminderThreshold())) {
            return Dispatch.none();
        }
        var contact = mails.contact(translator);
        Map<String, Object> variables = translators.variables(minutes, job, contact.language());
        return Dispatch.ofMails(mails.write(REMINDER_PURPOSE, minutes.mailId(), minutes.reference(),
                contact, REMINDER_PURPOSE, variables, FlowMails.Thread.NONE, List.of()));
    }

    private Instant reminderThreshold() {
        return clock.instant().minus(properties.reminderAfter());
    }

    private Instant escalationThreshold() {
        return clock.instant().minus(properties.escalateAfter());
    }
}
