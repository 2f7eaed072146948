package org.relais.console.alarms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relais.HubProperties;
import org.relais.broker.RouteHandOff;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingTicket;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes an alarm to the coordinators in their language (the console's texts) and hands it to the send queue
 * (routes/hand-off.yaml) like every mail Relais sends. Never held back by the loop guard: an alarm answers nothing,
 * and one alarm of a kind is active at a time, mailed once.
 */
@Component
class AlarmMail {

    static final String PURPOSE = "console-alarm";


    private final MessageSource messages;
    private final OutgoingMailComposer composer;
    private final DirectoryRepository directory;
    private final RouteHandOff handOff;
    private final String coordinatorAddress;

    AlarmMail(@Qualifier("messageSource") MessageSource messages, OutgoingMailComposer composer,
              DirectoryRepository directory, RouteHandOff handOff,
              HubProperties hub) {
        this.messages = messages;
        this.composer = composer;
        this.directory = directory;
        this.handOff = handOff;
        this.coordinatorAddress = hub.coordinatorAddress();
    }

    /** The id of the stored mail. */
    long send(Alarm alarm) {
        Optional<Contact> coordinator = directory.contact(coordinatorAddress);
        String language = coordinator.map(Contact::language).orElse("fr");
        Locale locale = Locale.forLanguageTag(language);
        Object[] arguments = alarm.arguments().toArray();
        String title = messages.getMessage("console.alarm." + alarm.kind() + ".title", null, locale);
        String text = messages.getMessage("console.alarm." + alarm.kind(), arguments, locale);
        String subject = messages.getMessage("console.alarm.mail.subject", new Object[] {title}, locale);
        String body = messages.getMessage("console.alarm.mail.body", new Object[] {text}, locale);
        long id = composer.store(new OutgoingMail(PURPOSE, null, coordinatorAddress,
                coordinator.map(Contact::name).orElse(null), language, new MailTemplates.Rendered(subject, body),
                null, null, List.of()));
        handOff.afterCommit(new AlarmMailed(new OutgoingTicket(id)));
        return id;
    }
}
