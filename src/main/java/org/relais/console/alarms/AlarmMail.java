package org.relais.console.alarms;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.ReplyLimiter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes an alarm to the coordinators in their language (the console's texts) and hands it to {@code mail.outgoing}
 * like every mail Relais sends. Limited like every automatic mail, so a flapping alarm cannot flood them.
 */
@Component
class AlarmMail {

    static final String PURPOSE = "console-alarm";
    private static final String OUTGOING_QUEUE = "mail.outgoing";

    private final MessageSource messages;
    private final OutgoingMailComposer composer;
    private final ReplyLimiter limiter;
    private final DirectoryRepository directory;
    private final JmsTemplate jms;
    private final String coordinatorAddress;

    AlarmMail(@Qualifier("messageSource") MessageSource messages, OutgoingMailComposer composer,
              ReplyLimiter limiter, DirectoryRepository directory, JmsTemplate jms,
              @Value("${relais.coordinator-address}") String coordinatorAddress) {
        this.messages = messages;
        this.composer = composer;
        this.limiter = limiter;
        this.directory = directory;
        this.jms = jms;
        this.coordinatorAddress = coordinatorAddress;
    }

    /** The id of the stored mail, or empty when the limit holds it back. */
    Optional<Long> send(Alarm alarm) {
        if (!limiter.mayWriteTo(coordinatorAddress, PURPOSE, null)) {
            return Optional.empty();
        }
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
        jms.convertAndSend(OUTGOING_QUEUE, "{\"outgoingMailId\":" + id + "}");
        return Optional.of(id);
    }
}
