package org.relais.minutes;

import java.util.List;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.AwaitedReplies;
import org.relais.mail.Answer;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyLimiter;
import org.springframework.stereotype.Component;

/**
 * Writes the mails of the minutes and translation flows (and of the calendar and attendance sheets' requests to the
 * coordinators) from their templates, in each reader's language. Answers to
 * a mail someone sent go through the loop guard ({@link ReplyLimiter}: a robot is bounded, so two robots cannot
 * loop); work given to a person (a job, a reminder, an escalation) is not an answer and is always written.
 */
@Component
public class FlowMails {

    /** Where a mail threads: the Message-ID it answers and the References before it. */
    public record Thread(String inReplyTo, String references) {
        public static final Thread NONE = new Thread(null, null);
    }

    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final ReplyLimiter limiter;
    private final DirectoryRepository directory;
    private final AwaitedReplies awaitedReplies;
    private final String coordinatorAddress;

    FlowMails(MailTemplates templates, OutgoingMailComposer composer, ReplyLimiter limiter,
              DirectoryRepository directory, AwaitedReplies awaitedReplies, HubProperties hub) {
        this.templates = templates;
        this.composer = composer;
        this.limiter = limiter;
        this.directory = directory;
        this.awaitedReplies = awaitedReplies;
        this.coordinatorAddress = hub.coordinatorAddress();
    }

    public List<OutgoingTicket> answer(String purpose, Long inboundMailId, String reference, Contact to,
                                       String template, Map<String, Object> variables, Thread thread) {
        MailTemplates.Rendered text = templates.render(template, to.language(), variables);
        Answer answer = Answer.whole(purpose, inboundMailId, to.address(), to.name(), to.language(), text,
                thread.inReplyTo());
        // written out before the loop guard's decision, which holds the recipient's lock until the commit
        OutgoingMailComposer.Composed mail = composer.compose(outgoing(purpose, inboundMailId, reference, to, text,
                thread, List.of()));
        if (limiter.answer(answer) != ReplyLimiter.Delivery.AT_ONCE) {
            return List.of();
        }
        return List.of(new OutgoingTicket(composer.store(mail)));
    }

    /** A mail about the minutes {@code reference}: a reply bound to it answers what the flow awaits there. */
    public List<OutgoingTicket> write(String purpose, Long inboundMailId, String reference, Contact to,
                                      String template, Map<String, Object> variables, Thread thread,
                                      List<OutgoingMail.Attachment> attachments) {
        return store(purpose, inboundMailId, reference, to, templates.render(template, to.language(), variables),
                thread, attachments);
    }

    private List<OutgoingTicket> store(String purpose, Long inboundMailId, String reference, Contact to,
                                       MailTemplates.Rendered text, Thread thread,
                                       List<OutgoingMail.Attachment> attachments) {
        return List.of(new OutgoingTicket(composer.store(outgoing(purpose, inboundMailId, reference, to, text, thread,
                attachments))));
    }

    private static OutgoingMail outgoing(String purpose, Long inboundMailId, String reference, Contact to,
                                         MailTemplates.Rendered text, Thread thread,
                                         List<OutgoingMail.Attachment> attachments) {
        return new OutgoingMail(purpose, inboundMailId, to.address(), to.name(), to.language(), text,
                thread.inReplyTo(), thread.references(), attachments).about(reference);
    }

    /** One mail to each coordinator, each in their language; the configured address when the role is empty. */
    public List<OutgoingTicket> toCoordinators(String purpose, Long inboundMailId, String reference, String template,
                                               Map<String, Object> variables) {
        return coordinators().stream()
                .flatMap(c -> write(purpose, inboundMailId, reference, c, template, variables, Thread.NONE, List.of())
                        .stream())
                .toList();
    }

    /**
     * One mail to each coordinator asking for a decision about {@code reference}: their reply bound to it is read by
     * org.relais.decision ({@link AwaitedReplies#DECISION_FLOW}).
     */
    public List<OutgoingTicket> askCoordinators(String purpose, Long inboundMailId, String reference, String template,
                                                Map<String, Object> variables) {
        return coordinators().stream()
                .flatMap(c -> askCoordinator(purpose, inboundMailId, reference, c, template, variables).stream())
                .toList();
    }

    /** One coordinator asked for a decision about {@code reference}, as {@link #askCoordinators}. */
    public List<OutgoingTicket> askCoordinator(String purpose, Long inboundMailId, String reference,
                                               Contact coordinator, String template, Map<String, Object> variables) {
        awaitedReplies.expect(reference, coordinator.address(), AwaitedReplies.DECISION_FLOW, null);
        return write(purpose, inboundMailId, reference, coordinator, template, variables, Thread.NONE, List.of());
    }

    /** The coordinators: the directory's contacts with that role, or the configured address when there is none. */
    public List<Contact> coordinators() {
        List<Contact> coordinators = directory.contactsWithRole("coordinator");
        if (coordinators.isEmpty()) {
            return directory.contact(coordinatorAddress).map(List::of).orElseThrow(
                    () -> new IllegalStateException("No coordinator in the directory"));
        }
        return coordinators;
    }

    public Contact contact(String address) {
        return directory.contact(address).orElseThrow(
                () -> new IllegalStateException(address + " is not in the directory"));
    }
}
