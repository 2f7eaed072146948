package org.relais.calendar;

import java.time.LocalDate;
import java.util.Optional;
import org.relais.console.ActionLog;
import org.relais.console.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator records the day a seminar was held, in the console or by replying to the mail that tells them a
 * seminar's documents are overdue (org.relais.decision): it wins over an attendance sheet's date and moves the
 * deadlines of what is owed after the seminar. From the console it is kept in the console's trail
 * ({@code console_action}) with who and when.
 */
@Component
public class HeldDays {

    static final String ACTION = "seminar.held";
    /** The request a mail asking for a seminar's day is about: no tracking reference, the seminar's own. */
    private static final String REQUEST = "seminar-held:";

    /** What a reply bound to a mail asking for the day held of {@code seminarCode} answers. */
    public static String request(String seminarCode) {
        return REQUEST + seminarCode;
    }

    /** The seminar a request asks the day held of, if it is one. */
    public static Optional<String> seminarAsked(String request) {
        return request != null && request.startsWith(REQUEST) ? Optional.of(request.substring(REQUEST.length()))
                : Optional.empty();
    }

    private final CalendarRepository repository;
    private final SeminarCalendar calendar;
    private final ActionLog actions;

    HeldDays(CalendarRepository repository, SeminarCalendar calendar, ActionLog actions) {
        this.repository = repository;
        this.calendar = calendar;
        this.actions = actions;
    }

    /** The outcome of recording a day: done, an unknown seminar, or a day still to come. */
    public enum Outcome { RECORDED, UNKNOWN_SEMINAR, NOT_YET }

    /** Records the day a seminar was held, said by {@code recordedBy} (a console user, or a coordinator's address). */
    @Transactional
    public Outcome record(String seminarCode, LocalDate heldOn, String recordedBy) {
        if (heldOn.isAfter(calendar.today())) {
            return Outcome.NOT_YET;
        }
        return repository.recordHeld(seminarCode, heldOn, recordedBy) ? Outcome.RECORDED : Outcome.UNKNOWN_SEMINAR;
    }

    /** The console's button, recorded in {@code console_action}. */
    @Transactional
    Outcome recordFromConsole(String seminarCode, LocalDate heldOn) {
        Outcome outcome = record(seminarCode, heldOn, Actor.current());
        switch (outcome) {
            case NOT_YET -> actions.record(ACTION, seminarCode, "failed", "held on " + heldOn + ": a day still to come");
            case RECORDED -> actions.record(ACTION, seminarCode, "done", "held on " + heldOn);
            case UNKNOWN_SEMINAR -> { }
        }
        return outcome;
    }
}
