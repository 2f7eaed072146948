package org.relais.mail;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The loop guard's settings ({@code relais.loop-guard.*}, docs/loop-guard.md); defaults in config/application.yml.
 *
 * @param window               the hour: how far back the signs of a robot and a robot's answers are counted
 * @param robotSigns           signs within the window that make a sender a robot
 * @param robotAnswersPerHour  answers a robot gets within the window; the following are held back. Empty: no bound
 * @param quickReply           a reply to one of the hub's mails written sooner than this after that mail went out
 *                             is a robot's sign
 * @param personPace           a mail written sooner than this after the same sender's previous one is a robot's sign
 * @param answersAtOnce        answers a person gets at once within {@code gatherWithin}; the following are gathered.
 *                             Empty: every answer at once, none gathered
 * @param gatherWithin         how close together mails count as one busy moment
 * @param gatherDelay          a gathered answer goes out this long after the first answer it joins was gathered
 * @param unknownSendersPerHour answers to senders the directory does not know, for the whole hub, within the window
 * @param sweepMs              how often the summaries that are due are written and sent (routes/mail-gathered.yaml)
 */
@ConfigurationProperties("relais.loop-guard")
@Validated
public record LoopGuardProperties(
        @NotNull Duration window,
        @Positive int robotSigns,
        @PositiveOrZero Integer robotAnswersPerHour,
        @NotNull Duration quickReply,
        @NotNull Duration personPace,
        @Positive Integer answersAtOnce,
        @NotNull Duration gatherWithin,
        @NotNull Duration gatherDelay,
        @PositiveOrZero int unknownSendersPerHour,
        @Positive long sweepMs) {
}
