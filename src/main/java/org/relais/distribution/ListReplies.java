package org.relais.distribution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.intake.MailParts;
import org.relais.intake.ReplyMessage;
import org.relais.mail.Answer;
import org.relais.mail.MailTemplates;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyLimiter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to list mail (they quote the contact's subscription reference): "unsubscribe" (by reply or through the
 * List-Unsubscribe mailto) stops list mail, "digest" or "each" sets how pipeline events are notified; each is
 * confirmed to the sender in its language. Any other reply is passed to the coordinators, like a list owner's mail.
 */
@Component("listReplies")
public class ListReplies {

    public static final String CONFIRMATION = "list-confirmation";
    static final String FORWARD = "list-reply-forward";
    private static final int EXCERPT = 2000;

    private final ListReplyRepository replies;
    private final ListContacts contacts;
    private final DistributionConfig config;
    private final MailParts parts;
    private final MailTemplates templates;
    private final OutgoingMailComposer composer;
    private final ReplyLimiter limiter;
    private final DirectoryRepository directory;
    private final String coordinatorAddress;

    ListReplies(ListReplyRepository replies, ListContacts contacts, DistributionConfig config, MailParts parts,
                MailTemplates templates, OutgoingMailComposer composer, ReplyLimiter limiter,
                DirectoryRepository directory, HubProperties hub) {
        this.replies = replies;
        this.contacts = contacts;
        this.config = config;
        this.parts = parts;
        this.templates = templates;
        this.composer = composer;
        this.limiter = limiter;
        this.directory = directory;
        this.coordinatorAddress = hub.coordinatorAddress();
    }

    @Transactional
    public List<OutgoingTicket> handle(ReplyMessage reply) {
        var handled = replies.handled(reply.mailId());
        if (handled.isPresent()) {
            return handled.get().outgoingMailId() == null ? List.of()
                    : List.of(new OutgoingTicket(handled.get().outgoingMailId()));
        }
        String text = reply.bodyPartId() == null ? ""
                : parts.part(reply.bodyPartId()).map(MailParts.Part::text).orElse("");
        ReplyCommands.Command command = ReplyCommands.read(reply.subject(), text, config.commands());
        String sender = reply.sender().toLowerCase(Locale.ROOT);
        Long mailId = switch (command) {
            case UNSUBSCRIBE -> {
                contacts.unsubscribe(sender, "reply");
                yield confirm(reply, "unsubscribed");
            }
            case DIGEST -> {
                contacts.notificationMode(sender, "digest");
                yield confirm(reply, "digest");
            }
            case EACH -> {
                contacts.notificationMode(sender, "each");
                yield confirm(reply, "each");
            }
            case OTHER -> forward(reply, text);
        };
        replies.record(reply.mailId(), sender, command.name().toLowerCase(Locale.ROOT), mailId);
        return mailId == null ? List.of() : List.of(new OutgoingTicket(mailId));
    }

    private Long confirm(ReplyMessage reply, String done) {
        Contact contact = directory.contact(reply.sender().toLowerCase(Locale.ROOT)).orElseThrow();
        String language = templates.exists(CONFIRMATION, contact.language()) ? contact.language() : "fr";
        MailTemplates.Rendered text = templates.render(CONFIRMATION, language, Map.of(
                "name", contact.name(), "done", done, "tag", "[" + reply.quotedReference() + "]"));
        var origin = parts.origin(reply.mailId());
        if (limiter.answer(Answer.whole(CONFIRMATION, reply.mailId(), contact.address(), contact.name(), language,
                text, origin.messageId())) != ReplyLimiter.Delivery.AT_ONCE) {
            return null;
        }
        return composer.store(new OutgoingMail(CONFIRMATION, reply.mailId(), contact.address(), contact.name(),
                language, text, origin.messageId(), null, List.of()));
    }

    /** Never held back: it answers nothing the coordinators wrote, so it cannot keep a loop going. */
    private Long forward(ReplyMessage reply, String text) {
        Contact coordinator = directory.contact(coordinatorAddress).orElseThrow(
                () -> new IllegalStateException("The coordinator address " + coordinatorAddress
                        + " is not in the directory"));
        MailTemplates.Rendered forward = templates.render(FORWARD, coordinator.language(), Map.of(
                "sender", reply.sender(),
                "subject", OutgoingMailComposer.singleLine(reply.subject()),
                "reference", reply.reference(),
                "mailId", reply.mailId(),
                "text", text.length() > EXCERPT ? text.substring(0, EXCERPT) + " […]" : text));
        return composer.store(new OutgoingMail(FORWARD, reply.mailId(), coordinator.address(), coordinator.name(),
                coordinator.language(), forward, null, null, List.of()));
    }
}
