package org.relais.intake;

/** The claim check on the {@code intake.mail} queue: a stored mail waiting to be understood and answered. */
public record IntakeTicket(long mailId) {
}
