package org.relais.calendar;

import java.time.LocalDate;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator records the day a seminar was held: it wins over an attendance sheet's date, moves the deadlines of
 * what is owed after the seminar, and is kept in the console's trail ({@code console_action}) with who and when.
 */
@Component
class HeldDays {

    static final String ACTION = "seminar.held";

    private final CalendarRepository repository;
    private final SeminarCalendar calendar;
    private final ActionLog actions;

    HeldDays(CalendarRepository repository, SeminarCalendar calendar, ActionLog actions) {
        this.repository = repository;
        this.calendar = calendar;
        this.actions = actions;
    }

    /** The outcome of recording a day: done, an unknown seminar, or a day still to come. */
    enum Outcome { RECORDED, UNKNOWN_SEMINAR, NOT_YET }

    @Transactional
    Outcome record(String seminarCode, LocalDate heldOn) {
        if (heldOn.isAfter(calendar.today())) {
            actions.record(ACTION, seminarCode, "failed", "held on " + heldOn + ": a day still to come");
            return Outcome.NOT_YET;
        }
        if (!repository.recordHeld(seminarCode, heldOn, Actor.current())) {
            return Outcome.UNKNOWN_SEMINAR;
        }
        actions.record(ACTION, seminarCode, "done", "held on " + heldOn);
        return Outcome.RECORDED;
    }
}
