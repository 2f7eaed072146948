package org.relais.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The claim check of an awaited reply, put on the queue of the flow that registered it (see {@link AwaitedReplies}).
 * The text and files are read with {@link MailParts}: the queue carries references only. Unknown fields are ignored,
 * so that a message of an earlier version (which named its queue) is still understood.
 *
 * @param flow            the flow awaiting the reply
 * @param reference       the reply's own tracking reference
 * @param quotedReference the reference the reply quotes, which the flow registered
 * @param bodyPartId      the reply's text body part, if it has one
 * @param attachmentIds   its accepted attachments (mail_part ids)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplyMessage(String flow, long mailId, String reference, String quotedReference, String sender,
                           String language, String context, String subject, Long bodyPartId,
                           List<Long> attachmentIds) {
}
