package org.relais.mail;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many automatic mails to one address an hour, whatever writes them: a loop runs dry quickly. Each mail
 * held back is recorded (table withheld_reply) and logged, so that the limit never drops an answer silently.
 */
@Component
public class ReplyLimiter {

    private static final Logger log = LoggerFactory.getLogger(ReplyLimiter.class);

    private final OutgoingMailRepository repository;
    private final int perHour;

    ReplyLimiter(OutgoingMailRepository repository, @Value("${relais.intake.replies-per-sender-per-hour}") int perHour) {
        this.repository = repository;
        this.perHour = perHour;
    }

    /** Whether the {@code purpose} mail (answering inbound mail {@code mailId}, if any) may go to {@code address}. */
    public boolean mayWriteTo(String address, String purpose, Long mailId) {
        String recipient = address.toLowerCase(Locale.ROOT);
        if (repository.countSince(recipient, Duration.ofHours(1)) < perHour) {
            return true;
        }
        repository.recordWithheld(purpose, mailId, recipient);
        log.warn("Held back the {} mail to {}: {} automatic mails went to that address in the last hour",
                purpose, recipient, perHour);
        return false;
    }
}
