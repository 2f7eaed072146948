package org.relais.directory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A seminar of the programme: its organiser, participants, themes, and the day it is planned to start. */
public record Seminar(String code, int number, String title, String organiserCode, List<String> participantCodes,
                      LocalDate plannedDate, List<String> themes, List<String> keywords) {

    public YearMonth plannedMonth() {
        return YearMonth.from(plannedDate);
    }
}
