package org.relais.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The claim check on the {@code intake.mail} queue: a stored mail waiting to be understood and answered, or one of
 * the rehearsal's tickets ({@link RehearsalTickets}), which name no mail and travel the same way for nothing.
 * A mail's ticket is written {@code {"mailId":42}}, as before rehearsals existed.
 */
public record IntakeTicket(long mailId, @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rehearsal) {

    /** The ticket of a stored mail. */
    public IntakeTicket(long mailId) {
        this(mailId, false);
    }

    static IntakeTicket rehearsed() {
        return new IntakeTicket(0, true);
    }
}
