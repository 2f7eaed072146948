package org.relais.mail;

import java.util.List;

/**
 * A mail Relais is about to write. {@code inReplyTo} and {@code references} thread it on the mail it answers.
 *
 * @param purpose what the mail is for (intake-ack, unknown-sender, ...), kept with it for the console
 * @param html    an HTML alternative of the text, or null for text only
 * @param list    the list headers of mail sent to a list of contacts (distribution, newsletters), or null
 * @param request the tracking reference of the request the mail asks its recipient to answer (a review, a
 *                translation job, a subscription), or null: a reply bound to this mail answers that request
 */
public record OutgoingMail(String purpose, Long inboundMailId, String recipient, String recipientName, String language,
                           MailTemplates.Rendered text, String inReplyTo, String references,
                           List<Attachment> attachments, String html, ListHeaders list, String request) {

    public OutgoingMail(String purpose, Long inboundMailId, String recipient, String recipientName, String language,
                        MailTemplates.Rendered text, String inReplyTo, String references,
                        List<Attachment> attachments) {
        this(purpose, inboundMailId, recipient, recipientName, language, text, inReplyTo, references, attachments,
                null, null, null);
    }

    /** The same mail, asking its recipient to answer the request {@code reference}. */
    public OutgoingMail about(String reference) {
        return new OutgoingMail(purpose, inboundMailId, recipient, recipientName, language, text, inReplyTo, references,
                attachments, html, list, reference);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * RFC 2369 and RFC 8058 headers of list mail: List-Id, List-Unsubscribe (a mailto to the mail's signed reply
     * address with this subject, and the https link), and List-Unsubscribe-Post for one-click unsubscription.
     */
    public record ListHeaders(String listId, String listName, String unsubscribeSubject, String unsubscribeUrl) {
    }
}
