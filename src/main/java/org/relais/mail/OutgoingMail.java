package org.relais.mail;

import java.util.List;

/**
 * A mail Relais is about to write. {@code inReplyTo} and {@code references} thread it on the mail it answers.
 *
 * @param purpose what the mail is for (intake-ack, unknown-sender, ...), kept with it for the console
 * @param html    an HTML alternative of the text, or null for text only
 * @param list    the list headers of mail sent to a list of contacts (distribution, newsletters), or null
 */
public record OutgoingMail(String purpose, Long inboundMailId, String recipient, String recipientName, String language,
                           MailTemplates.Rendered text, String inReplyTo, String references,
                           List<Attachment> attachments, String html, ListHeaders list) {

    public OutgoingMail(String purpose, Long inboundMailId, String recipient, String recipientName, String language,
                        MailTemplates.Rendered text, String inReplyTo, String references,
                        List<Attachment> attachments) {
        this(purpose, inboundMailId, recipient, recipientName, language, text, inReplyTo, references, attachments,
                null, null);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * RFC 2369 and RFC 8058 headers of list mail: List-Id, List-Unsubscribe (mailto and https), and
     * List-Unsubscribe-Post for one-click unsubscription.
     */
    public record ListHeaders(String listId, String listName, String unsubscribeMailto, String unsubscribeUrl) {
    }
}
