package org.relais.console.board;

import java.time.Instant;

/**
 * One thing known about a seminar, shown in one column of the board.
 *
 * @param column the board column: actual-date, forecast, minutes, translations, distribution, report, or a new one
 * @param label  what the fact is about within the column (a language, an audience), or null
 * @param state  a word the console names with {@code console.state.<state>} (received, valid, approved, sent…)
 * @param detail a short text (a reference, a count), or null
 * @param at     when it happened, or null
 */
public record SeminarFact(String seminarCode, String column, String label, String state, String detail, Instant at) {
}
