package org.relais.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each seminar's days and deadlines as the hub holds them today (the injected clock's day, in the partnership's zone). */
@Component
public class SeminarCalendar {

    private final DirectoryRepository directory;
    private final CalendarRepository repository;
    private final CalendarProperties settings;
    private final Clock clock;

    SeminarCalendar(DirectoryRepository directory, CalendarRepository repository, CalendarProperties settings,
                    Clock clock) {
        this.directory = directory;
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    @Transactional(readOnly = true)
    public List<SeminarDates> seminars() {
        LocalDate today = today();
        Map<String, CalendarRepository.Held> held = repository.heldDays();
        Map<String, Instant> documents = repository.firstDocuments();
        List<SeminarDates> seminars = new ArrayList<>();
        for (Seminar seminar : directory.seminars()) {
            CalendarRepository.Held day = held.get(seminar.code());
            LocalDate heldOn = day == null ? null : day.heldOn();
            LocalDate seminarDay = heldOn != null ? heldOn : seminar.plannedDate();
            List<SeminarDates.Deadline> deadlines = new ArrayList<>();
            for (Obligation obligation : Obligation.values()) {
                LocalDate dueOn = obligation.dueOn(seminarDay, settings);
                Instant metAt = documents.get(seminar.code() + "|" + obligation.documentKind());
                deadlines.add(new SeminarDates.Deadline(obligation, dueOn, metAt, state(dueOn, metAt, today)));
            }
            seminars.add(new SeminarDates(seminar, seminar.plannedDate(), heldOn, day == null ? null : day.recordedBy(),
                    deadlines));
        }
        return seminars;
    }

    private SeminarDates.State state(LocalDate dueOn, Instant metAt, LocalDate today) {
        if (metAt != null) {
            return metAt.atZone(settings.zone()).toLocalDate().isAfter(dueOn)
                    ? SeminarDates.State.MET_LATE : SeminarDates.State.MET_ON_TIME;
        }
        return today.isAfter(dueOn) ? SeminarDates.State.OVERDUE : SeminarDates.State.DUE;
    }
}
