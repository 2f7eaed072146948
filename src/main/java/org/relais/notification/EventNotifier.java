package org.relais.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.event.PipelineEvent;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the follow-up group about a pipeline event, each member in its language: at once when the event opens a
 * quiet period for the member, else gathered with the events that follow into one notice ({@link NoticePace},
 * {@link GatheredNotices}), or in the member's daily digest if it chose so. An event received twice (the same type,
 * reference, seminar and facts) is told once.
 */
@Component("eventNotifier")
public class EventNotifier {

    private final EventRepository events;
    private final ListContacts contacts;
    private final NotificationProperties properties;
    private final NoticePace pace;
    private final Notices notices;

    EventNotifier(EventRepository events, ListContacts contacts, NotificationProperties properties, NoticePace pace,
                  Notices notices) {
        this.events = events;
        this.contacts = contacts;
        this.properties = properties;
        this.pace = pace;
        this.notices = notices;
    }

    /** Returns the notices written at once, for the send queue (again for a redelivered event, until sent). */
    @Transactional
    public List<OutgoingTicket> announce(PipelineEvent event) {
        EventRepository.Insert stored = events.insert(dedupKey(event), event);
        if (stored.isNew()) {
            for (ListContact member : contacts.members(List.of(properties.audience()), null)) {
                notify(stored.id(), event, member);
            }
        }
        return events.unsentMails(stored.id()).stream().map(OutgoingTicket::new).toList();
    }

    private void notify(long eventId, PipelineEvent event, ListContact member) {
        String address = member.address();
        Optional<String> exclusion = member.exclusion();
        if (exclusion.isPresent()) {
            events.insertNotification(eventId, address, EventRepository.EACH, null, exclusion.get(), null, null);
        } else if (member.wantsDigest()) {
            events.insertNotification(eventId, address, EventRepository.DIGEST, null, null, null, null);
        } else {
            events.lockMember(address);
            Optional<Instant> gatherUntil = pace.gatherUntil(events.lastTold(address), events.gatheringDue(address));
            if (gatherUntil.isPresent()) {
                events.insertNotification(eventId, address, EventRepository.GATHERED, null, null, gatherUntil.get(),
                        null);
            } else {
                long mailId = notices.tell(member, List.of(event));
                events.insertNotification(eventId, address, EventRepository.EACH, mailId, null, null, pace.now());
            }
        }
    }

    static String dedupKey(PipelineEvent event) {
        String canonical = String.join("\u0000", String.valueOf(event.type()), String.valueOf(event.reference()),
                String.valueOf(event.seminar()), EventRepository.json(event.facts()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
