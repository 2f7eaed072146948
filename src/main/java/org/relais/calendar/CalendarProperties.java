package org.relais.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The calendar's settings ({@code relais.calendar.*}, defaults in config/application.yml).
 *
 * @param zone                the partnership's days are counted in this zone
 * @param checkIntervalMs     how often the leader looks for reminders to send
 * @param forecastWeeksBefore the forecast budget is due this many weeks before the seminar's first day
 * @param remindBeforeDue     the organiser is reminded of the forecast this long before it is due
 * @param attendanceDueAfter  the attendance sheet is due this long after the day the seminar was held
 * @param minutesDueAfter     the minutes are due this long after it
 * @param reportDueAfter      the financial report, with its supporting documents, this long after it
 */
@ConfigurationProperties("relais.calendar")
@Validated
public record CalendarProperties(@NotNull ZoneId zone, @Positive long checkIntervalMs,
                                 @Positive int forecastWeeksBefore, @NotNull Period remindBeforeDue, @NotNull Period attendanceDueAfter,
                                 @NotNull Period minutesDueAfter, @NotNull Period reportDueAfter) {
}
