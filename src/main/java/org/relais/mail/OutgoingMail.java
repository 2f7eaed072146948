package org.relais.mail;

import java.util.List;

/**
 * A mail Relais is about to write. {@code inReplyTo} and {@code references} thread it on the mail it answers.
 *
 * @param purpose what the mail is for (intake-ack, unknown-sender, ...), kept with it for the console
 */
public record OutgoingMail(String purpose, Long inboundMailId, String recipient, String recipientName, String language,
                           MailTemplates.Rendered text, String inReplyTo, String references,
                           List<Attachment> attachments) {

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
