package org.relais.minutes;

/** The claim check on {@code minutes.overdue}: minutes whose deadline passed with languages missing. */
public record OverdueTicket(String reference) {
}
