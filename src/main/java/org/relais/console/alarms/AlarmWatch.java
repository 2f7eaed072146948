package org.relais.console.alarms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.relais.broker.BrokerProperties;
import org.relais.console.ConsoleProperties;
import org.relais.console.ConsoleTime;
import org.relais.console.queues.BrokerQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches what coordinators must not miss: a mailbox that has not been polled successfully for
 * {@code relais.console.alarms.mailbox-silence}, and a dead-letter queue that grows to at least
 * {@code dead-letter-threshold} messages. An alarm is raised once (board and mail) and cleared when the trouble ends.
 */
@Component
public class AlarmWatch {

    private static final Logger log = LoggerFactory.getLogger(AlarmWatch.class);

    private final Alarms alarms;
    private final AlarmMail mail;
    private final MailboxPolls polls;
    private final BrokerQueues queues;
    private final ConsoleProperties.Alarms settings;
    private final ConsoleTime time;
    private final String deadLetterQueue;
    private final Clock clock;
    private long previousDeadLetters = -1;

    AlarmWatch(Alarms alarms, AlarmMail mail, MailboxPolls polls, BrokerQueues queues, ConsoleProperties properties,
               ConsoleTime time, BrokerProperties broker, Clock clock) {
        this.alarms = alarms;
        this.mail = mail;
        this.polls = polls;
        this.queues = queues;
        this.settings = properties.alarms();
        this.time = time;
        this.deadLetterQueue = broker.deadLetterQueue();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${relais.console.alarms.check-interval}",
            initialDelayString = "${relais.console.alarms.check-interval}")
    public synchronized void check() {
        try {
            checkMailbox();
            checkDeadLetters();
        } catch (RuntimeException e) {
            log.warn("Alarm check failed: {}", e.getMessage(), e);
        }
    }

    private void checkMailbox() {
        Instant lastSuccess = polls.lastSuccess();
        Instant since = lastSuccess == null ? polls.watchingSince() : lastSuccess;
        Duration silence = Duration.between(since, clock.instant());
        if (silence.compareTo(settings.mailboxSilence()) > 0) {
            raise(Alarm.MAILBOX_SILENT, List.of(lastSuccess == null ? "—" : time.format(lastSuccess),
                    String.valueOf(silence.toMinutes()), String.valueOf(settings.mailboxSilence().toMinutes())));
        } else {
            alarms.clear(Alarm.MAILBOX_SILENT);
        }
    }

    private void checkDeadLetters() {
        long depth = queues.depth(deadLetterQueue);
        long previous = previousDeadLetters;
        previousDeadLetters = depth;
        if (depth < settings.deadLetterThreshold()) {
            alarms.clear(Alarm.DEAD_LETTERS_GROWING);
        } else if (previous >= 0 && depth > previous) {
            raise(Alarm.DEAD_LETTERS_GROWING, List.of(String.valueOf(depth), String.valueOf(previous)));
        }
    }

    private void raise(String kind, List<String> arguments) {
        alarms.raise(kind, arguments).ifPresent(alarm -> {
            log.warn("Alarm {} raised: {}", kind, arguments);
            alarms.mailed(alarm.id(), mail.send(alarm));
        });
    }
}
