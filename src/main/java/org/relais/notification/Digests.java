package org.relais.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relais.distribution.DistributionConfig;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.distribution.Schedules;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest: for each follow-up member who chose it, one mail in its language that lists the events received
 * since its last digest. Each event goes into one digest only: the rows are marked in the same transaction.
 */
@Component("digests")
public class Digests {

    private final EventRepository events;
    private final ListContacts contacts;
    private final Notices notices;
    private final Schedules schedules;
    private final DistributionConfig config;
    private final Clock clock;

    Digests(EventRepository events, ListContacts contacts, Notices notices, Schedules schedules,
            DistributionConfig config, Clock clock) {
        this.events = events;
        this.contacts = contacts;
        this.notices = notices;
        this.schedules = schedules;
        this.config = config;
        this.clock = clock;
    }

    /** For the timer route: the digests, if the digest schedule is due (claimed with the digests written). */
    @Transactional
    public List<OutgoingTicket> sendDue() {
        return schedules.claimDue("notification-digest", config.digest().cron(), config.digest().zone(),
                        clock.instant())
                .map(due -> send(due.toInstant()))
                .orElse(List.of());
    }

    /** Writes every waiting digest with the events received up to {@code upTo}. */
    @Transactional
    public List<OutgoingTicket> send(Instant upTo) {
        Instant now = clock.instant();
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (String recipient : events.digestRecipients(upTo)) {
            List<EventRepository.StoredEvent> waiting = events.waitingForDigest(recipient, upTo);
            if (waiting.isEmpty()) {
                continue;
            }
            List<Long> ids = waiting.stream().map(EventRepository.StoredEvent::id).toList();
            Optional<ListContact> member = contacts.find(recipient);
            Optional<String> exclusion = member.map(ListContact::exclusion).orElse(Optional.of("unknown"));
            if (exclusion.isPresent()) {
                events.told(ids, recipient, null, exclusion.get(), now);
                continue;
            }
            long mailId = notices.digest(member.get(),
                    waiting.stream().map(EventRepository.StoredEvent::event).toList());
            events.told(ids, recipient, mailId, null, now);
            tickets.add(new OutgoingTicket(mailId));
        }
        return tickets;
    }
}
