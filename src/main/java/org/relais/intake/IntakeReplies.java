package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.mail.Answer;
import org.relais.mail.MailTemplates;
import org.relais.mail.Messages;
import org.relais.mail.OutgoingMail;
import org.relais.mail.OutgoingMailComposer;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.OutgoingTicket;
import org.relais.mail.ReplyLimiter;
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

    static final String ACKNOWLEDGEMENT = "intake-ack";
    static final String MALFORMED = "intake-malformed";
    static final String UNKNOWN_SENDER = "unknown-sender";
    static final String QUARANTINE_NOTICE = "quarantine-notice";
    static final String QUARANTINE_UNAUTHENTICATED = "quarantine-unauthenticated";
    /** The summary of notices about mail in quarantine, for the coordinators. */
    static final String QUARANTINE_SUMMARY = "quarantine-summary";

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
                  HubProperties hub) {
        this.templates = templates;
        this.messages = messages;
        this.composer = composer;
        this.limiter = limiter;
        this.directory = directory;
        this.properties = properties;
        this.ledger = ledger;
        this.coordinatorAddress = hub.coordinatorAddress();
    }

    List<OutgoingTicket> mailsFor(long mailId) {
        return ledger.ticketsFor(mailId);
    }

    /** What a mail without a seminar is about, in the key of its words. */
    enum NoSeminar {
        /** It should name one: the sender is asked to. */
        UNKNOWN("seminar.unknown"),
        /** Outreach for the whole programme, as the coordinator chose in the console. */
        PROGRAMME("seminar.programme"),
        /** Outreach naming no seminar, hence for the whole programme: the answer says why. */
        PROGRAMME_UNNAMED("seminar.programme.unnamed");

        private final String key;

        NoSeminar(String key) {
            this.key = key;
        }
    }

    /**
     * The acknowledgement written out to its last byte, before the loop guard decides whether it goes
     * ({@link #decide}): writing it takes longer than deciding, and the sender's other mails wait only for the
     * decision.
     */
    record Acknowledgement(Answer answer, OutgoingMailComposer.Composed mail) {
    }

    Acknowledgement acknowledgement(long mailId, ParsedMail mail, Contact sender, String reference,
                                    Optional<Seminar> seminar, NoSeminar noSeminar, List<Line> lines) {
        String language = sender.language();
        List<Verdict> verdicts = lines.stream().map(line -> verdict(language, line)).toList();
        String seminarText = seminar.map(s -> messages.get(language, "seminar.named", s.number(), s.keywords().get(0)))
                .orElse(messages.get(language, noSeminar.key));
        String subject = OutgoingMailComposer.singleLine(mail.subject());
        List<String> understood = new ArrayList<>(List.of(messages.get(language, "answers.seminar", seminarText)));
        verdicts.forEach(v -> understood.add(messages.get(language, "answers.file", v.name(), v.verdict())));
        if (verdicts.isEmpty()) {
            understood.add(messages.get(language, "answers.noAttachment"));
        }
        Answer answer = new Answer(ACKNOWLEDGEMENT, mailId, sender.address(), sender.name(), language,
                Answer.ANSWERS_SUMMARY, true, subject, reference, understood, mail.messageId());
        MailTemplates.Rendered text = templates.render(ACKNOWLEDGEMENT, language, Map.of(
                "name", sender.name(),
                "subject", subject,
                "tag", "[" + reference + "]",
                "reference", reference,
                "seminar", seminarText,
                "lines", verdicts,
                "noAttachment", verdicts.isEmpty()));
        return new Acknowledgement(answer, composer.compose(outgoing(answer, text, mail.references())));
    }

    /** The loop guard's decision on the acknowledgement: stored to go now, or kept for a summary or held back. */
    List<OutgoingTicket> decide(Acknowledgement acknowledgement) {
        if (limiter.answer(acknowledgement.answer()) != ReplyLimiter.Delivery.AT_ONCE) {
            return List.of();
        }
        return List.of(new OutgoingTicket(composer.store(acknowledgement.mail())));
    }

    /** Tells the sender, in words of its language, why its mail could not be read (never the parser's message). */
    List<OutgoingTicket> malformed(long mailId, MimeMessage headers, Contact sender, String reference,
                                   MalformedMailException problem) throws MessagingException {
        String language = sender.language();
        String subject = OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers));
        String reason = problem.partsLimit() > 0
                ? messages.get(language, "answers.malformed.parts", problem.partsLimit())
                : messages.get(language, "answers.malformed.structure");
        Answer answer = new Answer(MALFORMED, mailId, sender.address(), sender.name(), language,
                Answer.ANSWERS_SUMMARY, true, subject, reference,
                List.of(messages.get(language, "answers.malformed", reason)), headers.getMessageID());
        if (limiter.answer(answer) != ReplyLimiter.Delivery.AT_ONCE) {
            return List.of();
        }
        MailTemplates.Rendered text = templates.render(MALFORMED, language, Map.of(
                "name", sender.name(),
                "subject", subject,
                "tag", "[" + reference + "]",
                "reference", reference,
                "reason", reason));
        return store(answer, text, headers.getHeader("References", " "));
    }

    /**
     * The polite answer in every language, which repeats nothing the stranger wrote (a forged sender must not make
     * the hub send someone their text), and a word to the coordinators, who can release the mail.
     */
    List<OutgoingTicket> unknownSender(long mailId, MimeMessage headers, String sender) throws MessagingException {
        List<OutgoingTicket> tickets = new ArrayList<>();
        boolean answered = sender != null
                && limiter.answerStranger(sender, UNKNOWN_SENDER, mailId) == ReplyLimiter.Delivery.AT_ONCE;
        if (answered) {
            List<MailTemplates.Rendered> versions = properties.languages().stream()
                    .map(language -> templates.render(UNKNOWN_SENDER, language, Map.of()))
                    .toList();
            MailTemplates.Rendered text = new MailTemplates.Rendered(
                    String.join(" / ", versions.stream().map(MailTemplates.Rendered::subject).toList()),
                    String.join("\n\n----------\n\n", versions.stream().map(MailTemplates.Rendered::body).toList()));
            long id = composer.store(new OutgoingMail(UNKNOWN_SENDER, mailId, sender, null,
                    String.join(",", properties.languages()), text, headers.getMessageID(),
                    headers.getHeader("References", " "), List.of()));
            tickets.add(new OutgoingTicket(id));
        }
        String language = coordinator().language();
        String subject = OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers));
        tickets.addAll(toCoordinators(mailId, QUARANTINE_NOTICE, subject, sender, List.of(
                messages.get(language, "answers.quarantine.mail", mailId),
                messages.get(language, answered ? "answers.quarantine.answered" : "answers.quarantine.notAnswered")),
                Map.of("sender", String.valueOf(sender), "subject", subject, "mailId", mailId, "answered", answered)));
        return tickets;
    }

    /**
     * A mail whose sender the mail server did not authenticate: nobody but the coordinators hears of it, since the
     * address it claims may be someone else's.
     */
    List<OutgoingTicket> unauthenticated(long mailId, MimeMessage headers, String sender, String reason)
            throws MessagingException {
        String subject = OutgoingMailComposer.singleLine(MailParser.decodedSubject(headers));
        String because = OutgoingMailComposer.singleLine(reason);
        return toCoordinators(mailId, QUARANTINE_UNAUTHENTICATED, subject, sender, List.of(
                        messages.get(coordinator().language(), "answers.quarantine.mail", mailId), because),
                Map.of("sender", String.valueOf(sender), "subject", subject, "reason", because, "mailId", mailId));
    }

    /** Never held back: the coordinators hear of every mail in quarantine; a flood comes to them gathered. */
    private List<OutgoingTicket> toCoordinators(long mailId, String purpose, String subject, String sender,
                                                List<String> summaryLines, Map<String, Object> variables) {
        Contact coordinator = coordinator();
        Answer notice = new Answer(purpose, mailId, coordinator.address(), coordinator.name(), coordinator.language(),
                QUARANTINE_SUMMARY, true, subject, String.valueOf(sender), summaryLines, null);
        if (limiter.notice(notice) != ReplyLimiter.Delivery.AT_ONCE) {
            return List.of();
        }
        return store(notice, templates.render(purpose, coordinator.language(), variables), null);
    }

    private Contact coordinator() {
        return directory.contact(coordinatorAddress).orElseThrow(
                () -> new IllegalStateException("The coordinator address " + coordinatorAddress
                        + " is not in the directory"));
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

    private List<OutgoingTicket> store(Answer answer, MailTemplates.Rendered text, String references) {
        return List.of(new OutgoingTicket(composer.store(outgoing(answer, text, references))));
    }

    private static OutgoingMail outgoing(Answer answer, MailTemplates.Rendered text, String references) {
        return new OutgoingMail(answer.purpose(), answer.mailId(), answer.recipient(), answer.recipientName(),
                answer.language(), text, answer.messageId(), references, List.of());
    }
}
