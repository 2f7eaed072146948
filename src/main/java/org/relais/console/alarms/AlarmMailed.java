package org.relais.console.alarms;

import org.relais.mail.OutgoingTicket;

/** An alarm's mail to the coordinators, handed to the send queue by routes/hand-off.yaml ({@link AlarmMail}). */
public record AlarmMailed(OutgoingTicket ticket) {
}
