package org.relais.intake;

import java.util.List;

/**
 * The claim check of an awaited reply, put on the queue its flow registered (see {@link AwaitedReplies}). The text
 * and files are read with {@link MailParts}: the queue carries references only.
 *
 * @param queue           the queue of the flow awaiting the reply
 * @param reference       the reply's own tracking reference
 * @param quotedReference the reference the reply quotes, which the flow registered
 * @param bodyPartId      the reply's text body part, if it has one
 * @param attachmentIds   its accepted attachments (mail_part ids)
 */
public record ReplyMessage(String queue, long mailId, String reference, String quotedReference, String sender,
                           String language, String context, String subject, Long bodyPartId,
                           List<Long> attachmentIds) {
}
