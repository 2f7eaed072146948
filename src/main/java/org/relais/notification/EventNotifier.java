package org.relais.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.relais.distribution.DistributionProperties;
import org.relais.distribution.LanguageChoice;
import org.relais.distribution.ListContact;
import org.relais.distribution.ListContacts;
import org.relais.distribution.ListKind;
import org.relais.distribution.ListMailWriter;
import org.relais.event.PipelineEvent;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the follow-up group about a pipeline event, each member in its language: at once, or in the member's daily
 * digest if it chose so. An event received twice (the same type, reference, seminar and facts) is told once.
 */
@Component("eventNotifier")
public class EventNotifier {

    static final String PURPOSE = "notification";
    static final String TEMPLATE = "notification-event";

    private final EventRepository events;
    private final ListContacts contacts;
    private final DistributionProperties properties;
    private final NotificationProperties notification;
    private final LanguageChoice languages;
    private final MailTemplates templates;
    private final ListMailWriter writer;
    private final EventWords words;

    EventNotifier(EventRepository events, ListContacts contacts, DistributionProperties properties,
                  NotificationProperties notification, LanguageChoice languages, MailTemplates templates,
                  ListMailWriter writer, EventWords words) {
        this.events = events;
        this.contacts = contacts;
        this.properties = properties;
        this.notification = notification;
        this.languages = languages;
        this.templates = templates;
        this.writer = writer;
        this.words = words;
    }

    @Transactional
    public List<OutgoingTicket> announce(PipelineEvent event) {
        EventRepository.Insert stored = events.insert(dedupKey(event), event);
        if (stored.isNew()) {
            for (ListContact member : contacts.members(List.of(notification.audience()), null)) {
                var exclusion = member.exclusion();
                if (exclusion.isPresent()) {
                    events.insertNotification(stored.id(), member.address(), "each", null, exclusion.get());
                } else if (member.wantsDigest()) {
                    events.insertNotification(stored.id(), member.address(), "digest", null, null);
                } else {
                    String language = language(member, TEMPLATE);
                    var described = words.describe(language, event.type(), event.reference(), event.seminar(),
                            event.facts());
                    long mailId = writer.write(new ListMailWriter.Letter(PURPOSE, ListKind.NOTIFICATION, member,
                            language, TEMPLATE, Map.of("event", described), List.of()));
                    events.insertNotification(stored.id(), member.address(), "each", mailId, null);
                }
            }
        }
        return events.unsentMails(stored.id()).stream().map(OutgoingTicket::new).toList();
    }

    String language(ListContact member, String template) {
        String own = member.contact().language();
        return templates.exists(template, own) ? own : languages.choose(own, properties.languages().stream()
                .filter(language -> templates.exists(template, language)).toList()).orElseThrow();
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
