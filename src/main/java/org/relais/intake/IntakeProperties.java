package org.relais.intake;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Intake's settings ({@code relais.intake.*}, config/application.yml).
 *
 * @param pollDelayMs        after a poll that found no mail, the longest wait in IMAP IDLE for the server to tell of
 *                           one, or the pause before the next poll where the server does not speak IDLE
 * @param maxMessagesPerPoll at most this many mails are taken in one poll
 * @param maxBytesPerPoll    a poll takes whole mails up to this many bytes; a larger mail comes alone
 * @param maxAttachmentBytes an attachment larger than this is refused (and said so)
 * @param maxParts           a mail of more parts than this is refused as malformed
 * @param consumers          mails understood at the same time (consumers of intake.mail)
 * @param maxBytesHeld       the originals a poll has just stored are kept in memory for their consumers up to this many
 *                           bytes (FreshOriginals); 0 reads every one back from PostgreSQL
 * @param languages          the languages the hub writes in; a stranger is answered in all of them
 */
@ConfigurationProperties("relais.intake")
@Validated
record IntakeProperties(
        @Positive long pollDelayMs,
        @Positive int maxMessagesPerPoll,
        @Positive long maxBytesPerPoll,
        @Positive long maxAttachmentBytes,
        @Positive int maxParts,
        @Positive int consumers,
        @PositiveOrZero long maxBytesHeld,
        @NotEmpty List<String> languages) {
}
