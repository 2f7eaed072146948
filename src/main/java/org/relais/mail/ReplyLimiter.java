package org.relais.mail;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** At most so many automatic mails to one address an hour, whatever writes them: a loop runs dry quickly. */
@Component
public class ReplyLimiter {

    private final OutgoingMailRepository repository;
    private final int perHour;

    ReplyLimiter(OutgoingMailRepository repository, @Value("${relais.intake.replies-per-sender-per-hour}") int perHour) {
        this.repository = repository;
        this.perHour = perHour;
    }

    public boolean mayWriteTo(String address) {
        return repository.countSince(address.toLowerCase(Locale.ROOT), Duration.ofHours(1)) < perHour;
    }
}
