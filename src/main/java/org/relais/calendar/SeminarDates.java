package org.relais.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.relais.directory.Seminar;

/**
 * A seminar on the calendar: its planned day, the day it was held if known (and who said so), and each obligation's
 * deadline as of a given day.
 *
 * @param heldBy the coordinator who recorded the day held, or null when it comes from an attendance sheet
 */
public record SeminarDates(Seminar seminar, LocalDate plannedOn, LocalDate heldOn, String heldBy,
                           List<Deadline> deadlines) {

    /** The day the calendar counts from: the day held when known, else the planned day. */
    public LocalDate day() {
        return heldOn != null ? heldOn : plannedOn;
    }

    public boolean held() {
        return heldOn != null;
    }

    public enum State { DUE, OVERDUE, MET_ON_TIME, MET_LATE }

    /** An obligation's due day and whether it was met (its first document's arrival), or is due, or overdue. */
    public record Deadline(Obligation obligation, LocalDate dueOn, Instant metAt, State state) {
    }
}
