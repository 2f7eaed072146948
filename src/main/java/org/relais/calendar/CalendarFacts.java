package org.relais.calendar;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.relais.console.board.SeminarFact;
import org.relais.console.board.SeminarFactSource;
import org.springframework.stereotype.Component;

/**
 * The calendar on the seminars board: the day each seminar was held, and in the column "calendar" what its
 * organiser still owes — due (with its day) or overdue.
 */
@Component
class CalendarFacts implements SeminarFactSource {

    static final String COLUMN = "calendar";

    private final SeminarCalendar calendar;

    CalendarFacts(SeminarCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<SeminarFact> facts() {
        List<SeminarFact> facts = new ArrayList<>();
        for (SeminarDates seminar : calendar.seminars()) {
            String code = seminar.seminar().code();
            if (seminar.held()) {
                // the console shows times in the hub's own zone: the day held is the start of that day there
                facts.add(new SeminarFact(code, "actual-date", null, "held",
                        seminar.heldBy() == null ? "attendance" : seminar.heldBy(),
                        seminar.heldOn().atStartOfDay(ZoneId.systemDefault()).toInstant()));
            }
            for (SeminarDates.Deadline deadline : seminar.deadlines()) {
                String state = switch (deadline.state()) {
                    case DUE -> "due";
                    case OVERDUE -> "overdue";
                    case MET_ON_TIME, MET_LATE -> null;
                };
                if (state != null) {
                    facts.add(new SeminarFact(code, COLUMN, null, deadline.obligation().code() + "-" + state,
                            deadline.dueOn().toString(), null));
                }
            }
        }
        return facts;
    }
}
