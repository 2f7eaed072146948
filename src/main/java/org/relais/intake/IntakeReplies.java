package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.mail.MailTemplates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The answers of intake, each from its template in the reader's language, threaded on the mail they answer. */
@Component
class IntakeReplies {

    /** One attachment as the answer names it: what it was recognised as, or why it was refused. */
    record Line(String fileName, DocumentKind kind, Rejection rejection) {
    }

    /** A line put into words for the template. */
    public record Verdict(String name, String verdict) {
    }

    private final MailTemplates templates;
    private final Messages messages;
    private final OutgoingMailComposer composer;
    private final ReplyLimiter limiter;
    private final DirectoryRepository directory;
    private final IntakeProperties properties;
    private final String coordinatorAddress;
    private final OutgoingMailLedger ledger;

    IntakeReplies(MailTemplates templates, Messages messages, OutgoingMailComposer composer, ReplyLimiter limiter,
                  DirectoryRepository directory, IntakeProperties properties,
                  OutgoingMailLedger ledger,
                  @Value("${relais.coordinator-address}") String coordinatorAddress) {
        this.templates = templates;
        this.messages = messages;
        this.composer = composer;
        this.limiter = limiter;
        this.directory = directory;
        this.properties = properties;
        this.ledger = ledger;
        this.coordinatorAddress = coordinatorAddress;
    }

    List<OutgoingTicket> mailsFor(long mailId) {
        return ledger.ticketsFor(mailId);
    }

    List<OutgoingTicket> acknowledgement(long mailId, ParsedMail mail, Contact sender, String reference,
                                         Optional<Seminar> seminar, List<Line> lines) {
        String language = sender.language();
        List<Verdict> verdicts = lines.stream().map(line -> verdict(language, line)).toList();
        String seminarText = seminar.map(s -> messages.get(language, "seminar.named", s.number(), s.keywords().get(0)))
                .orElse(messages.get(language, "seminar.unknown"));
        MailTemplates.Rendered text = templates.render("intake-ack", language, Map.of(
                "name", sender.name(),
                "subject", OutgoingMailComposer.singleLine(mail.subject()),
                "tag", "[" + reference + "]",
                "reference", reference,
                "seminar", seminarText,
                "lines", verdicts,
                "noAttachment", verdicts.isEmpty()));
        return reply(mailId, "intake-ack", sender.address(), sender.name(), language, text, mail.messageId(),
                mail.references());
    }

    List<OutgoingTicket> malformed(long mailId, MimeMessage headers, Contact sender, String reference, String reason)
            throws MessagingException {
        String language = sender.language();
        MailTemplates.Rendered text = templates.render("intake-malformed", language, Map.of(
                "name", sender.name(),
                "subject", OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers)),
                "tag", "[" + reference + "]",
                "reference", reference,
                "reason", OutgoingMailComposer.singleLine(reason)));
        return reply(mailId, "intake-malformed", sender.address(), sender.name(), language, text,
                headers.getMessageID(), headers.getHeader("References", " "));
    }

    /** The polite answer in every language, and a word to the coordinators, who can release the mail. */
    List<OutgoingTicket> unknownSender(long mailId, MimeMessage headers, String sender) throws MessagingException {
        String subject = OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers));
        List<OutgoingTicket> tickets = new ArrayList<>();
        if (sender != null) {
            List<MailTemplates.Rendered> versions = properties.languages().stream()
                    .map(language -> templates.render("unknown-sender", language, Map.of("subject", subject)))
                    .toList();
            MailTemplates.Rendered text = new MailTemplates.Rendered(
                    String.join(" / ", versions.stream().map(MailTemplates.Rendered::subject).toList()),
                    String.join("\n\n----------\n\n", versions.stream().map(MailTemplates.Rendered::body).toList()));
            tickets.addAll(reply(mailId, "unknown-sender", sender, null, String.join(",", properties.languages()),
                    text, headers.getMessageID(), headers.getHeader("References", " ")));
        }
        tickets.addAll(toCoordinators(mailId, "quarantine-notice", Map.of(
                "sender", String.valueOf(sender),
                "subject", subject,
                "mailId", mailId)));
        return tickets;
    }

    /**
     * A mail whose sender the mail server did not authenticate: nobody but the coordinators hears of it, since the
     * address it claims may be someone else's.
     */
    List<OutgoingTicket> unauthenticated(long mailId, MimeMessage headers, String sender, String reason)
            throws MessagingException {
        return toCoordinators(mailId, "quarantine-unauthenticated", Map.of(
                "sender", String.valueOf(sender),
                "subject", OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers)),
                "reason", OutgoingMailComposer.singleLine(reason),
                "mailId", mailId));
    }

    private List<OutgoingTicket> toCoordinators(long mailId, String purpose, Map<String, Object> variables) {
        Contact coordinator = directory.contact(coordinatorAddress).orElseThrow(
                () -> new IllegalStateException("The coordinator address " + coordinatorAddress
                        + " is not in the directory"));
        MailTemplates.Rendered notice = templates.render(purpose, coordinator.language(), variables);
        // limited like any answer: a flood from forged senders must not flood the coordinators (the console lists all)
        return reply(mailId, purpose, coordinator.address(), coordinator.name(), coordinator.language(), notice,
                null, null);
    }

    private Verdict verdict(String language, Line line) {
        String name = line.fileName() == null ? messages.get(language, "part.body") : line.fileName();
        String verdict = line.rejection() != null
                ? messages.get(language, "rejection." + line.rejection().code(),
                        properties.maxAttachmentBytes() / (1024 * 1024))
                : messages.get(language, "kind." + line.kind().code()) + " — "
                        + messages.get(language, "next." + line.kind().code());
        return new Verdict(OutgoingMailComposer.singleLine(name), verdict);
    }

    private List<OutgoingTicket> reply(long mailId, String purpose, String recipient, String recipientName,
                                       String language, MailTemplates.Rendered text, String inReplyTo,
                                       String references) {
        if (!limiter.mayWriteTo(recipient, purpose, mailId)) {
            return List.of();
        }
        long id = composer.store(new OutgoingMail(purpose, mailId, recipient, recipientName, language, text,
                inReplyTo, references, List.of()));
        return List.of(new OutgoingTicket(id));
    }
}
