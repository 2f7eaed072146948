package org.relais.calendar;

import java.util.ArrayList;
import java.util.List;
import org.relais.console.evaluation.Indicator;
import org.relais.console.evaluation.IndicatorSource;
import org.springframework.stereotype.Component;

/**
 * The evaluation's "was the calendar kept?": per seminar, whether its day held is recorded and fell in the planned
 * month, and its organiser's obligations met on time, met late, or overdue.
 */
@Component
class CalendarIndicators implements IndicatorSource {

    private final SeminarCalendar calendar;

    CalendarIndicators(SeminarCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<Indicator> indicators() {
        List<Indicator> indicators = new ArrayList<>();
        for (SeminarDates seminar : calendar.seminars()) {
            String code = seminar.seminar().code();
            boolean inPlannedMonth = seminar.held()
                    && seminar.heldOn().withDayOfMonth(1).equals(seminar.plannedOn().withDayOfMonth(1));
            indicators.add(new Indicator(code, "seminars-held", seminar.held() ? 1 : 0));
            indicators.add(new Indicator(code, "held-in-planned-month", inPlannedMonth ? 1 : 0));
            indicators.add(new Indicator(code, "obligations-on-time", count(seminar, SeminarDates.State.MET_ON_TIME)));
            indicators.add(new Indicator(code, "obligations-late", count(seminar, SeminarDates.State.MET_LATE)));
            indicators.add(new Indicator(code, "obligations-overdue", count(seminar, SeminarDates.State.OVERDUE)));
        }
        return indicators;
    }

    private static long count(SeminarDates seminar, SeminarDates.State state) {
        return seminar.deadlines().stream().filter(deadline -> deadline.state() == state).count();
    }
}
