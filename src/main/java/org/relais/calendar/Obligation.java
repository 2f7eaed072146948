package org.relais.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What an organiser owes for its seminar, and when: the forecast budget before it, the attendance sheet, the minutes
 * and the financial report after it. Each is met by a document of its kind for the seminar.
 */
public enum Obligation {
    FORECAST("budget_forecast", false),
    ATTENDANCE("attendance", true),
    MINUTES("minutes", true),
    REPORT("financial_report", true);

    private final String documentKind;
    private final boolean afterSeminar;

    Obligation(String documentKind, boolean afterSeminar) {
        this.documentKind = documentKind;
        this.afterSeminar = afterSeminar;
    }

    public String documentKind() {
        return documentKind;
    }

    public boolean afterSeminar() {
        return afterSeminar;
    }

    /** The word that names it in texts ({@code calendar.obligation.<code>}) and in the reminders' key. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Its due day, counted from the seminar's day: the day held when known, else the planned day. */
    LocalDate dueOn(LocalDate seminarDay, CalendarProperties settings) {
        return switch (this) {
            case FORECAST -> seminarDay.minusWeeks(settings.forecastWeeksBefore());
            case ATTENDANCE -> seminarDay.plus(settings.attendanceDueAfter());
            case MINUTES -> seminarDay.plus(settings.minutesDueAfter());
            case REPORT -> seminarDay.plus(settings.reportDueAfter());
        };
    }
}
