package org.relais.intake;

import java.util.List;

/** What Relais understood of a mail's structure. */
record ParsedMail(String sender, String senderName, String subject, String messageId, String references,
                  String bodyText, List<LeafPart> parts) {

    List<LeafPart> attachments() {
        return parts.stream().filter(LeafPart::attachment).toList();
    }
}
