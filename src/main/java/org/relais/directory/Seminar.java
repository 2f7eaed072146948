package org.relais.directory;

import java.time.YearMonth;
import java.util.List;

public record Seminar(String code, int number, String title, String organiserCode, List<String> participantCodes,
                      YearMonth plannedMonth, List<String> themes, List<String> keywords) {
}
