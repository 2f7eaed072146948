package org.relais.console.evaluation;

/**
 * One figure of the evaluation for one seminar (the seminar report's indicators: minutes, calendar, participation,
 * questions covered, communication).
 *
 * @param key   the indicator, named by {@code console.indicator.<key>}
 * @param value the figure
 */
public record Indicator(String seminarCode, String key, long value) {
}
