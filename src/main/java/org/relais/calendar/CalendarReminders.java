package org.relais.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.mail.LongDates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingTicket;
import org.relais.minutes.FlowMails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reminders of the calendar, each once: the organiser before its seminar (the forecast budget, from
 * {@code remind-before-due} before it is due) and after it (attendance sheet, minutes, financial report, from the
 * day after the seminar until each is due); the coordinators once an obligation is overdue. Each reminder is
 * recorded under its key in the transaction that writes its mail, and mailed after the commit.
 */
@Component("calendarReminders")
public class CalendarReminders {

    static final String DUE = "due";
    static final String OVERDUE = "overdue";
    static final String REMINDER_PURPOSE = "calendar-reminder";
    static final String OVERDUE_PURPOSE = "calendar-overdue";

    private final SeminarCalendar calendar;
    private final CalendarRepository repository;
    private final CalendarProperties settings;
    private final DirectoryRepository directory;
    private final FlowMails mails;
    private final Messages messages;

    CalendarReminders(SeminarCalendar calendar, CalendarRepository repository, CalendarProperties settings,
                      DirectoryRepository directory, FlowMails mails, Messages messages) {
        this.calendar = calendar;
        this.repository = repository;
        this.settings = settings;
        this.directory = directory;
        this.mails = mails;
        this.messages = messages;
    }

    @Transactional
    public List<OutgoingTicket> remind() {
        LocalDate today = calendar.today();
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (SeminarDates seminar : calendar.seminars()) {
            List<SeminarDates.Deadline> toRemind = new ArrayList<>();
            List<SeminarDates.Deadline> overdue = new ArrayList<>();
            for (SeminarDates.Deadline deadline : seminar.deadlines()) {
                if (deadline.state() == SeminarDates.State.DUE && remindsToday(seminar, deadline, today)
                        && repository.record(seminar.seminar().code(), deadline.obligation(), DUE, deadline.dueOn())) {
                    toRemind.add(deadline);
                }
                if (deadline.state() == SeminarDates.State.OVERDUE
                        && repository.record(seminar.seminar().code(), deadline.obligation(), OVERDUE,
                        deadline.dueOn())) {
                    overdue.add(deadline);
                }
            }
            if (!toRemind.isEmpty()) {
                for (Contact organiser : organisers(seminar)) {
                    tickets.addAll(mails.write(REMINDER_PURPOSE, null, null, organiser, REMINDER_PURPOSE,
                            variables(seminar, toRemind, organiser.language()), FlowMails.Thread.NONE, List.of()));
                }
            }
            if (!overdue.isEmpty()) {
                tickets.addAll(tellCoordinators(seminar, overdue));
            }
        }
        return tickets;
    }

    /**
     * The coordinators are told what is overdue; while no coordinator has recorded the day held, they are asked for
     * it, which they give by replying (org.relais.decision) or on the board.
     */
    private List<OutgoingTicket> tellCoordinators(SeminarDates seminar, List<SeminarDates.Deadline> overdue) {
        boolean askTheDay = seminar.heldBy() == null;
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (Contact coordinator : directory.contactsWithRole("coordinator")) {
            Map<String, Object> variables = variables(seminar, overdue, coordinator.language());
            variables.put("askTheDay", askTheDay);
            variables.put("example", LongDates.of(seminar.day(), coordinator.language()));
            tickets.addAll(askTheDay
                    ? mails.askCoordinator(OVERDUE_PURPOSE, null, HeldDays.request(seminar.seminar().code()),
                    coordinator, OVERDUE_PURPOSE, variables)
                    : mails.write(OVERDUE_PURPOSE, null, null, coordinator, OVERDUE_PURPOSE, variables,
                    FlowMails.Thread.NONE, List.of()));
        }
        return tickets;
    }

    /** Before the seminar, from remind-before-due ahead of the due day; after it, from the day after. */
    private boolean remindsToday(SeminarDates seminar, SeminarDates.Deadline deadline, LocalDate today) {
        if (deadline.obligation().afterSeminar()) {
            return today.isAfter(seminar.day());
        }
        return !today.isBefore(deadline.dueOn().minus(settings.remindBeforeDue()));
    }

    private List<Contact> organisers(SeminarDates seminar) {
        return directory.contactsWithRole("organiser").stream()
                .filter(contact -> seminar.seminar().organiserCode().equals(contact.organisationCode())).toList();
    }

    /** What the templates say, in the reader's language: the seminar, its day, each obligation and its due day. */
    private Map<String, Object> variables(SeminarDates seminar, List<SeminarDates.Deadline> deadlines,
                                          String language) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("seminar", messages.get(language, "seminar.named", seminar.seminar().number(),
                seminar.seminar().keywords().get(0)));
        variables.put("held", seminar.held());
        variables.put("day", LongDates.of(seminar.day(), language));
        variables.put("before", deadlines.stream().noneMatch(d -> d.obligation().afterSeminar()));
        variables.put("items", deadlines.stream().map(d -> new Item(
                messages.get(language, "calendar.obligation." + d.obligation().code()),
                LongDates.of(d.dueOn(), language))).toList());
        return variables;
    }

    /** One line of a reminder: what is owed, and by when. */
    public record Item(String what, String dueOn) {
    }
}
