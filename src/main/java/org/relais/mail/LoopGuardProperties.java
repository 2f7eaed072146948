package org.relais.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The loop guard's settings ({@code relais.loop-guard.*}, docs/loop-guard.md); defaults in config/application.yml.
 *
 * @param window               the hour: how far back the signs of a robot and a robot's answers are counted
 * @param robotSigns           signs within the window that make a sender a robot
 * @param robotAnswersPerHour  answers a robot gets within the window; the following are held back
 * @param quickReply           a reply to one of the hub's mails written sooner than this after that mail went out
 *                             is a robot's sign
 * @param personPace           a mail written sooner than this after the same sender's previous one is a robot's sign
 * @param answersAtOnce        answers a person gets at once within {@code gatherWithin}; the following are gathered
 * @param gatherWithin         how close together mails count as one busy moment
 * @param gatherDelay          a gathered answer goes out this long after the first answer it joins was gathered
 * @param unknownSendersPerHour answers to senders the directory does not know, for the whole hub, within the window
 */
@ConfigurationProperties("relais.loop-guard")
public record LoopGuardProperties(
        Duration window,
        int robotSigns,
        int robotAnswersPerHour,
        Duration quickReply,
        Duration personPace,
        int answersAtOnce,
        Duration gatherWithin,
        Duration gatherDelay,
        int unknownSendersPerHour) {
}
