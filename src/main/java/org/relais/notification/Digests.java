package org.relais.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relais.distribution.DistributionConfig;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.distribution.ListKind;
import org.relais.distribution.ListMailWriter;
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

    static final String PURPOSE = "notification-digest";
    static final String TEMPLATE = "notification-digest";

    private final EventRepository events;
    private final ListContacts contacts;
    private final ListMailWriter writer;
    private final EventWords words;
    private final EventNotifier notifier;
    private final Schedules schedules;
    private final DistributionConfig config;

    Digests(EventRepository events, ListContacts contacts, ListMailWriter writer, EventWords words,
            EventNotifier notifier, Schedules schedules, DistributionConfig config) {
        this.events = events;
        this.contacts = contacts;
        this.writer = writer;
        this.words = words;
        this.notifier = notifier;
        this.schedules = schedules;
        this.config = config;
    }

    /** For the timer route: the digests, if the digest schedule is due (claimed with the digests written). */
    @Transactional
    public List<OutgoingTicket> sendDue() {
        Instant now = Instant.now();
        return schedules.claimDue("notification-digest", config.digest().cron(), config.digest().zone(), now)
                .map(due -> send(due.toInstant()))
                .orElse(List.of());
    }

    /** Writes every waiting digest with the events received up to {@code upTo}. */
    @Transactional
    public List<OutgoingTicket> send(Instant upTo) {
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (String recipient : events.digestRecipients(upTo)) {
            List<EventRepository.StoredEvent> waiting = events.waitingForDigest(recipient, upTo);
            if (waiting.isEmpty()) {
                continue;
            }
            List<Long> ids = waiting.stream().map(EventRepository.StoredEvent::id).toList();
            var member = contacts.find(recipient);
            if (member.isEmpty() || member.get().exclusion().isPresent()) {
                events.digested(ids, recipient, null, member.flatMap(ListContact::exclusion).orElse("unknown"));
                continue;
            }
            String language = notifier.language(member.get(), TEMPLATE);
            List<EventWords.Described> described = waiting.stream()
                    .map(e -> words.describe(language, e.type(), e.reference(), e.seminarCode(), e.facts()))
                    .toList();
            long mailId = writer.write(new ListMailWriter.Letter(PURPOSE, ListKind.NOTIFICATION, member.get(),
                    language, TEMPLATE, Map.of("events", described, "count", described.size()), List.of()));
            events.digested(ids, recipient, mailId, null);
            tickets.add(new OutgoingTicket(mailId));
        }
        return tickets;
    }
}
