package org.relais.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the timer route: writes each member's gathered notice once it is due, listing every event gathered since the
 * member's last notice. The notice and the mark on each event it carries are written in one transaction, under the
 * member's lock: a crash before the commit leaves the events waiting, after it the notice is in the ledger (and the
 * list mail sweep sends it if its ticket was lost); no event is told twice or lost.
 */
@Component("gatheredNotices")
public class GatheredNotices {

    private final EventRepository events;
    private final ListContacts contacts;
    private final NoticePace pace;
    private final Notices notices;

    GatheredNotices(EventRepository events, ListContacts contacts, NoticePace pace, Notices notices) {
        this.events = events;
        this.contacts = contacts;
        this.pace = pace;
        this.notices = notices;
    }

    @Transactional
    public List<OutgoingTicket> sendDue() {
        Instant now = pace.now();
        List<OutgoingTicket> tickets = new ArrayList<>();
        for (String recipient : events.gatheredRecipients(now)) {
            events.lockMember(recipient);
            // another instance may have written it since the list was read, and a new gathering begun
            if (events.gatheringDue(recipient).filter(pace::isDue).isEmpty()) {
                continue;
            }
            List<EventRepository.StoredEvent> gathered = events.waitingGathered(recipient);
            List<Long> ids = gathered.stream().map(EventRepository.StoredEvent::id).toList();
            Optional<ListContact> member = contacts.find(recipient);
            Optional<String> exclusion = member.map(ListContact::exclusion).orElse(Optional.of("unknown"));
            if (exclusion.isPresent()) {
                events.told(ids, recipient, null, exclusion.get(), now);
                continue;
            }
            long mailId = notices.tell(member.get(),
                    gathered.stream().map(EventRepository.StoredEvent::event).toList());
            events.told(ids, recipient, mailId, null, now);
            tickets.add(new OutgoingTicket(mailId));
        }
        return tickets;
    }
}
