package org.relais.mail;

import java.util.List;
import java.util.Locale;

/**
 * An answer Relais owes to a mail, with what a summary lists of it when it does not go on its own (docs/loop-guard.md).
 *
 * @param summary    the template of the summary it goes into when gathered or held back
 * @param gatherable whether it may wait a few minutes to go with others; if not, it goes at once unless held back
 * @param subject    the answered mail's subject, as the summary names it
 * @param reference  the answered mail's tracking reference, or null
 * @param lines      what was understood of the mail, in the recipient's language
 * @param messageId  the answered mail's Message-ID, on which the summary threads
 */
public record Answer(String purpose, Long mailId, String recipient, String recipientName, String language,
                     String summary, boolean gatherable, String subject, String reference, List<String> lines,
                     String messageId) {

    public Answer {
        recipient = recipient.toLowerCase(Locale.ROOT);
    }

    /** The summary of answers to a person's own mails. */
    public static final String ANSWERS_SUMMARY = "answers-summary";

    /**
     * An answer that goes at once, whose own text is what a summary lists if it is held back from a robot (the
     * answers of the minutes, translation and distribution flows).
     */
    public static Answer whole(String purpose, Long mailId, String recipient, String recipientName, String language,
                               MailTemplates.Rendered text, String messageId) {
        return new Answer(purpose, mailId, recipient, recipientName, language, ANSWERS_SUMMARY, false, text.subject(),
                null, text.body().strip().lines().toList(), messageId);
    }
}
