package org.relais.mail;

/** The claim check on the {@code mail.outgoing} queue: the stored mail to send. */
public record OutgoingTicket(long outgoingMailId) {
}
