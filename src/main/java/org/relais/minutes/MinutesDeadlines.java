package org.relais.minutes;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.mail.ReplyWords;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minutes still missing languages when their deadline passes: the coordinators are told once, with what is there
 * and what is missing, and decide by replying or in the console (circulate now, or a later deadline: see
 * {@link MinutesDecisions}).
 * A timer finds them; each is handled from the {@code minutes.overdue} queue, so a crash loses no notice.
 */
@Component("minutesDeadlines")
public class MinutesDeadlines {

    static final String PURPOSE = "minutes-overdue";

    private final MinutesRepository repository;
    private final MinutesCollector collector;
    private final DispatchLog log;
    private final FlowMails mails;
    private final LanguageNames names;
    private final ReplyWords words;
    private final Clock clock = Clock.systemUTC();

    MinutesDeadlines(MinutesRepository repository, MinutesCollector collector, DispatchLog log, FlowMails mails,
                     LanguageNames names, ReplyWords words) {
        this.repository = repository;
        this.collector = collector;
        this.log = log;
        this.mails = mails;
        this.names = names;
        this.words = words;
    }

    @Transactional(readOnly = true)
    public List<OverdueTicket> overdue() {
        return repository.overdue(clock.instant()).stream().map(OverdueTicket::new).toList();
    }

    @Transactional
    public Dispatch notifyCoordinators(OverdueTicket ticket) {
        Minutes minutes = repository.lock(ticket.reference()).orElseThrow();
        String cause = "overdue:" + minutes.reference() + ":" + minutes.deadline().toEpochMilli();
        return log.once(cause, minutes.reference(), () -> {
            if (!repository.markOverdueNotified(minutes.reference())) {
                return Dispatch.none();
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("reference", minutes.reference());
            variables.put("tag", "[" + minutes.reference() + "]");
            variables.put("title", String.valueOf(minutes.title()));
            variables.put("kind", minutes.kind());
            variables.put("sender", minutes.sender());
            variables.put("deadline", DateTimeFormatter.ISO_LOCAL_DATE.format(minutes.deadline().atZone(ZoneOffset.UTC)));
            variables.put("present", collector.versions(minutes.reference()).stream()
                    .map(v -> v.language()).toList());
            variables.put("missing", collector.missingLanguages(minutes.reference()));
            variables.put("names", names);
            variables.put("words", words);
            return Dispatch.ofMails(mails.askCoordinators(PURPOSE, minutes.mailId(),
                    minutes.reference(), PURPOSE, variables));
        });
    }
}
