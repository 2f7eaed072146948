package org.relais.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relais.HubProperties;
import org.relais.directory.Contact;
import org.relais.directory.DirectoryRepository;
import org.relais.directory.Seminar;
import org.relais.intake.InboundMailRepository.NewPart;
import org.relais.intake.InboundMailRepository.StoredMail;
import org.relais.mail.Arrival;
import org.relais.mail.OutgoingMailLedger;
import org.relais.mail.LoopSigns;
import org.relais.mail.ReplyBinding;
import org.relais.reference.TrackingReferences;
import org.relais.spreadsheet.WorkbookLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Understands a stored mail, once: who wrote it, what each attachment is, which seminar it concerns; records the
 * parts and documents, and writes the answer — all in one transaction with the mail row locked. A mail already
 * processed (a redelivered ticket after a crash) yields what it produced before, to be handed on again.
 */
@Component("intakeProcessor")
public class IntakeProcessor {

    private static final Pattern QUOTED_REFERENCE = Pattern.compile("\\[(REL-\\d{4}-\\d{4,})]");
    /** A partner's mail as a mail client writes it (a PDF attached), made up for the rehearsal. */
    private static final ClassPathResource REHEARSED_MAIL = new ClassPathResource("intake/rehearsal.eml");
    /** The rehearsal's mails and acknowledgements name a reference; none is taken for them, since none is kept. */
    private static final String REHEARSED_REFERENCE = "REL-0000-0000";

    private final InboundMailRepository mails;
    private final DirectoryRepository directory;
    private final IntakeReplies replies;
    private final AwaitedReplies awaitedReplies;
    private final ReplyBinding binding;
    private final ClaimConfirmations claims;
    private final LoopSigns loopSigns;
    private final FreshOriginals originals;
    private final RehearsalTickets rehearsalTickets;
    private final DocumentClassifier classifier;
    private final MailParser parser;
    private final PartInspector inspector;
    private final SenderAuthentication authentication;
    private final TrackingReferences references;
    private final TransactionTemplate transaction;
    private final String hubAddress;
    private final List<String> languages;
    private final Path spool;

    IntakeProcessor(InboundMailRepository mails, DirectoryRepository directory, IntakeReplies replies,
                    AwaitedReplies awaitedReplies, ReplyBinding binding, ClaimConfirmations claims,
                    LoopSigns loopSigns, FreshOriginals originals, RehearsalTickets rehearsalTickets,
                    IntakeProperties properties, WorkbookLoader spreadsheets, SenderAuthentication authentication,
                    TrackingReferences references, TransactionTemplate transaction, HubProperties hub)
            throws IOException {
        this.mails = mails;
        this.directory = directory;
        this.replies = replies;
        this.awaitedReplies = awaitedReplies;
        this.binding = binding;
        this.claims = claims;
        this.loopSigns = loopSigns;
        this.originals = originals;
        this.rehearsalTickets = rehearsalTickets;
        this.classifier = new DocumentClassifier(Keywords.load(hub.configDir().resolve("intake/keywords.yaml")));
        this.parser = new MailParser(properties.maxParts(), properties.maxAttachmentBytes());
        this.inspector = new PartInspector(spreadsheets);
        this.authentication = authentication;
        this.references = references;
        this.transaction = transaction;
        this.hubAddress = hub.hubAddress();
        this.languages = properties.languages();
        this.spool = SpooledMail.folderIn(hub.dataDir());
    }

    @Transactional
    public IntakeOutcome process(IntakeTicket ticket) throws MessagingException {
        if (ticket.rehearsal()) {
            // the broker, the consumers and the routes rehearsed: nothing to understand
            rehearsalTickets.taken();
            return IntakeOutcome.REHEARSED;
        }
        Optional<byte[]> held = originals.take(ticket.mailId());
        StoredMail mail = mails.lockForProcessing(ticket.mailId(), held.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("No stored mail " + ticket.mailId()));
        if (!mail.state().equals("received")) {
            return IntakeOutcome.handedOn(mail.reference(), mails.documentsOf(mail.id()), mails.repliesOf(mail.id()),
                    replies.mailsFor(mail.id()));
        }
        try (SpooledMail raw = held.isPresent() ? SpooledMail.inMemory(held.get())
                : SpooledMail.copy(mail.size(), spool, out -> mails.copyOriginal(mail, out))) {
            return process(mail, raw.message());
        } catch (IOException e) {
            // unchecked, so that the transaction rolls back and the ticket is redelivered
            throw new UncheckedIOException("Cannot spool mail " + mail.id(), e);
        }
    }

    /**
     * Takes a made-up partner's mail the whole way a mail goes through the database — stored, understood, its parts,
     * document and acknowledgement recorded, the loop guard's decision taken — once in each language the hub writes,
     * each time in a transaction rolled back; returns the languages it went through in. A hub fresh from its start
     * otherwise loads and compiles intake's code while the first partners' mails wait (bench/README.md, "The
     * rehearsal"). Nothing is kept and nothing sent; only ids drawn from sequences are used up, as by any transaction
     * rolled back, and no tracking reference is taken. It yields to real work: a language whose pass waits for a
     * lock (another instance's, a table being emptied) is given up after a tenth of a second.
     */
    public List<String> rehearse() throws IOException {
        byte[] raw = REHEARSED_MAIL.getContentAsByteArray();
        List<String> rehearsed = new ArrayList<>();
        for (String language : languages) {
            try (SpooledMail spooled = SpooledMail.copy(raw.length, spool, out -> out.write(raw))) {
                Boolean done = transaction.execute(status -> {
                    status.setRollbackOnly();
                    return rehearse(spooled, language);
                });
                if (Boolean.TRUE.equals(done)) {
                    rehearsed.add(language);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("The rehearsal's mail cannot be spooled", e);
            }
        }
        return rehearsed;
    }

    private boolean rehearse(SpooledMail spooled, String language) {
        try {
            mails.waitForLocksBriefly();
            MimeMessage message = spooled.message();
            StoredMail mail = mails.lockForProcessing(StorableMail.of(spooled).storeIn(mails).mailId(), false)
                    .orElseThrow();
            String sender = MailParser.sender(message).getAddress();
            authentication.failure(message);
            AutomatedMail.reason(message, sender, hubAddress);
            Contact partner = new Contact(sender, "", "", language, List.of("partner"), null);
            understood(mail.id(), mail.upload(), parser.parse(message), partner, REHEARSED_REFERENCE,
                    binding.of(message, sender), LoopFacts.of(mail.id(), message, sender, Instant.now()));
            return true;
        } catch (DataAccessException e) {
            if (InboundMailRepository.gaveUpWaitingForALock(e)) {
                return false;
            }
            throw e;
        } catch (IOException | MessagingException | MalformedMailException e) {
            throw new IllegalStateException("The rehearsal's mail cannot be read", e);
        }
    }

    private IntakeOutcome process(StoredMail mail, MimeMessage message) throws MessagingException {
        var from = MailParser.sender(message);
        String sender = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        Optional<String> unauthenticated = authentication.failure(message);
        if (unauthenticated.isPresent() && !mails.isReleasedFromQuarantine(mail.id())) {
            mails.markDone(mail.id(), "quarantined", null, null, null, null,
                    QuarantineReason.unauthenticated(unauthenticated.get()));
            return IntakeOutcome.answered(null,
                    replies.unauthenticated(mail.id(), message, sender, unauthenticated.get()));
        }
        Optional<String> automated = AutomatedMail.reason(message, sender, hubAddress);
        if (automated.isPresent()) {
            return automated(mail, message, sender, automated.get());
        }
        Arrival arrival = LoopFacts.of(mail.id(), message, sender, Instant.now());
        Optional<Contact> contact = directory.contact(sender);
        if (contact.isEmpty()) {
            loopSigns.note(arrival);
            mails.markDone(mail.id(), "quarantined", null, null, null, null, "unknown sender " + sender);
            return IntakeOutcome.answered(null, replies.unknownSender(mail.id(), message, sender));
        }
        String reference = references.next();
        ParsedMail parsed;
        try {
            parsed = parser.parse(message);
        } catch (MalformedMailException e) {
            loopSigns.note(arrival);
            mails.markDone(mail.id(), "malformed", reference, null, contact.get().language(), null, e.getMessage());
            return IntakeOutcome.answered(reference,
                    replies.malformed(mail.id(), message, contact.get(), reference, e));
        }
        return understood(mail.id(), mail.upload(), parsed, contact.get(), reference, binding.of(message, sender),
                arrival);
    }

    private IntakeOutcome understood(long mailId, Optional<ConsoleUploads.Chosen> chosen, ParsedMail parsed,
                                     Contact sender, String reference,
                                     Optional<OutgoingMailLedger.Written> bound, Arrival arrival) {
        DocumentClassifier.Context context = DocumentClassifier.Context.of(parsed.subject(), parsed.bodyText());
        List<Reviewed> reviewed = review(parsed, context, sender, chosen);
        Optional<Seminar> seminar = chosen.isPresent()
                ? directory.seminars().stream().filter(s -> s.code().equals(chosen.get().seminarCode())).findFirst()
                : SeminarIdentifier.identify(directory.seminars(), sender, namingText(parsed, reviewed),
                        context.foldedBody());
        String seminarCode = seminar.map(Seminar::code).orElse(null);
        String quoted = quotedReference(parsed.subject()).filter(mails::isKnownReference).orElse(null);
        boolean aboutAFinancialReport = reviewed.stream().anyMatch(r -> r.kind() == DocumentKind.FINANCIAL_REPORT)
                || quoted != null && mails.hasFinancialReport(quoted);
        if (aboutAFinancialReport) {
            reviewed.replaceAll(Reviewed::asSupportingDocumentIfScanOrPdf);
        }
        // a decision counts only bound to its request; a mail that merely quotes a request awaiting its sender
        // is a claim, which the sender is asked to confirm (and the answer to that question settles the claim)
        boolean answersAQuestion = bound.filter(mail -> mail.purpose().equals(ClaimConfirmations.PURPOSE)).isPresent();
        String request = answersAQuestion ? null : bound.map(OutgoingMailLedger.Written::requestReference).orElse(null);
        List<AwaitedReplies.Awaiting> awaiting = request == null ? List.of()
                : awaitedReplies.awaiting(request, sender.address());
        List<AwaitedReplies.Awaiting> claimed = !awaiting.isEmpty() || answersAQuestion || quoted == null ? List.of()
                : awaitedReplies.awaiting(quoted, sender.address());

        List<Long> partIds = mails.insertParts(mailId, reviewed.stream().map(item -> new NewPart(
                item.part().position(), item.part().fileName(), item.part().declaredType(), item.part().charset(),
                item.inspection() == null ? null : item.inspection().type().label(), item.part().size(),
                !item.part().truncated(), partKind(item),
                item.inspection() == null || item.inspection().accepted() ? null
                        : item.inspection().rejection().code())).toList());
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < reviewed.size(); i++) {
            stored.add(new Stored(reviewed.get(i), partIds.get(i)));
        }
        // From the loop guard's note to the commit the sender's mails wait for each other when a bound makes the loop
        // guard count (LoopSigns, ReplyLimiter); what comes before (parsing, inspecting and storing the parts,
        // writing the acknowledgement) runs beside the sender's other mails, so that a busy partner's burst is not
        // processed one mail at a time.
        if (!awaiting.isEmpty() || answersAQuestion || !claimed.isEmpty()) {
            loopSigns.note(arrival);
        }
        if (!awaiting.isEmpty()) {
            mails.markDone(mailId, "reply", reference, request, sender.language(), seminarCode, null);
            return IntakeOutcome.replied(reference, replies(mailId, parsed, sender, reference, request, awaiting, stored));
        }
        if (answersAQuestion) {
            mails.markDone(mailId, "confirmation", reference, quoted, sender.language(), seminarCode, null);
            return IntakeOutcome.replied(reference,
                    claims.answer(mailId, bound.get().id(), parsed.bodyText()));
        }
        if (!claimed.isEmpty()) {
            mails.markDone(mailId, "unconfirmed", reference, quoted, sender.language(), seminarCode, null);
            return IntakeOutcome.answered(reference, claims.ask(mailId, sender, quoted, claimed, parsed.subject(),
                    parsed.bodyText(), bodyPartId(stored), acceptedAttachmentIds(stored)));
        }
        List<DocumentMessage> documents = new ArrayList<>();
        List<IntakeReplies.Line> lines = new ArrayList<>();
        for (Stored item : stored) {
            DocumentKind kind = item.reviewed().kind();
            LeafPart part = item.reviewed().part();
            if (kind != null && kind.flow().isPresent()) {
                DocumentMessage document = new DocumentMessage(0, reference, kind.code(), kind.flow().get(),
                        seminarCode, sender.address(), sender.language(), part.fileName(), mailId, item.partId());
                documents.add(document.withId(mails.insertDocument(document)));
            }
            item.reviewed().line().ifPresent(lines::add);
        }
        mails.markDone(mailId, "processed", reference, quoted, sender.language(), seminarCode, null);
        // outreach without a seminar is about the whole programme, not about a seminar left to name
        boolean outreach = reviewed.stream().anyMatch(r -> r.kind() != null && r.kind().outreach());
        IntakeReplies.NoSeminar noSeminar = !outreach ? IntakeReplies.NoSeminar.UNKNOWN
                : chosen.isPresent() ? IntakeReplies.NoSeminar.PROGRAMME : IntakeReplies.NoSeminar.PROGRAMME_UNNAMED;
        IntakeReplies.Acknowledgement acknowledgement = replies.acknowledgement(mailId, parsed, sender, reference,
                seminar, noSeminar, lines);
        loopSigns.note(arrival);
        return IntakeOutcome.handedOn(reference, documents, List.of(), replies.decide(acknowledgement));
    }

    /** Each part looked at: what an attachment is, or whether the body itself is a document. */
    private List<Reviewed> review(ParsedMail parsed, DocumentClassifier.Context context, Contact sender,
                                  Optional<ConsoleUploads.Chosen> chosen) {
        List<Reviewed> reviewed = new ArrayList<>();
        boolean bodyDocumentTaken = false;
        for (LeafPart part : parsed.parts()) {
            if (part.attachment()) {
                PartInspector.Inspection inspection = inspector.inspect(part);
                DocumentKind kind = !inspection.accepted() ? null
                        : chosen.filter(c -> inspection.type().family() == FileType.Family.DOCUMENT)
                        .map(ConsoleUploads.Chosen::kind)
                        .orElseGet(() -> classifier.classify(inspection.type(), part.fileName(), inspection.sample(),
                                context, sender.hasRole("coordinator")));
                reviewed.add(new Reviewed(part, inspection, kind));
            } else if (!bodyDocumentTaken && parsed.attachments().isEmpty() && mayAskForADossier(sender)
                    && classifier.asksForTheDossier(context)) {
                reviewed.add(new Reviewed(part, null, DocumentKind.DOSSIER_REQUEST));
                bodyDocumentTaken = true;
            } else if (!bodyDocumentTaken && parsed.attachments().isEmpty()
                    && classifier.asksForTheBudgetModel(context)) {
                reviewed.add(new Reviewed(part, null, DocumentKind.TEMPLATE_REQUEST));
                bodyDocumentTaken = true;
            } else if (!bodyDocumentTaken && parsed.attachments().isEmpty()
                    && classifier.bodyIsMinutes(context, parsed.bodyText().length())) {
                reviewed.add(new Reviewed(part, null, DocumentKind.MINUTES));
                bodyDocumentTaken = true;
            } else {
                reviewed.add(new Reviewed(part, null, null));
            }
        }
        return reviewed;
    }

    /** The words that may name the seminar: the subject, each attachment's name and the text sampled from it. */
    private static String namingText(ParsedMail parsed, List<Reviewed> reviewed) {
        StringBuilder text = new StringBuilder(parsed.subject());
        reviewed.stream().filter(r -> r.inspection() != null).forEach(r -> text.append(' ')
                .append(r.part().fileName()).append(' ').append(r.inspection().sample()));
        return Folding.fold(text.toString());
    }

    private List<ReplyMessage> replies(long mailId, ParsedMail parsed, Contact sender, String reference,
                                       String quoted, List<AwaitedReplies.Awaiting> awaiting, List<Stored> stored) {
        Long bodyPartId = bodyPartId(stored);
        List<Long> attachmentIds = acceptedAttachmentIds(stored);
        List<ReplyMessage> messages = awaiting.stream().map(a -> new ReplyMessage(a.flow(), mailId, reference, quoted,
                sender.address(), sender.language(), a.context(), parsed.subject(), bodyPartId, attachmentIds)).toList();
        messages.forEach(mails::insertReply);
        return messages;
    }

    private static Long bodyPartId(List<Stored> stored) {
        return stored.stream().filter(s -> s.reviewed().part().isBody()).map(Stored::partId).findFirst().orElse(null);
    }

    private static List<Long> acceptedAttachmentIds(List<Stored> stored) {
        return stored.stream().filter(s -> s.reviewed().inspection() != null && s.reviewed().inspection().accepted())
                .map(Stored::partId).toList();
    }

    /** The funders' dossier holds every financial document of a seminar: coordinators and funders ask for it. */
    private static boolean mayAskForADossier(Contact sender) {
        return sender.hasRole("coordinator") || sender.hasRole("funder");
    }

    private static String partKind(Reviewed item) {
        if (item.kind() != null) {
            return item.kind().code();
        }
        return item.inspection() == null ? "body" : "rejected";
    }

    private IntakeOutcome automated(StoredMail mail, MimeMessage headers, String sender, String reason)
            throws MessagingException {
        if (!AutomatedMail.isDeliveryReport(headers)) {
            mails.markDone(mail.id(), "automated", null, null, null, null, reason);
            return IntakeOutcome.answered(null, List.of());
        }
        String reference = references.next();
        long partId = mails.insertParts(mail.id(), List.of(new NewPart(0, null, "multipart/report", null, "mail",
                mail.size(), false, DocumentKind.DELIVERY_REPORT.code(), null))).get(0);
        DocumentMessage report = new DocumentMessage(0, reference, DocumentKind.DELIVERY_REPORT.code(),
                DocumentKind.DELIVERY_REPORT.flow().orElseThrow(), null, String.valueOf(sender), "", null, mail.id(),
                partId);
        DocumentMessage stored = report.withId(mails.insertDocument(report));
        mails.markDone(mail.id(), "automated", reference, null, null, null, reason);
        return IntakeOutcome.handedOn(reference, List.of(stored), List.of(), List.of());
    }

    static Optional<String> quotedReference(String subject) {
        Matcher matcher = QUOTED_REFERENCE.matcher(subject == null ? "" : subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private record Reviewed(LeafPart part, PartInspector.Inspection inspection, DocumentKind kind) {

        /** What the answer says of this part, when it names it: every attachment, and a body that is a document. */
        Optional<IntakeReplies.Line> line() {
            return part.attachment() || kind != null
                    ? Optional.of(new IntakeReplies.Line(part.fileName(), kind,
                            inspection == null ? null : inspection.rejection()))
                    : Optional.empty();
        }

        /** Beside a financial report, an unnamed PDF or picture is a receipt or an invoice. */
        Reviewed asSupportingDocumentIfScanOrPdf() {
            boolean scanOrPdf = inspection != null && (inspection.type() == FileType.PDF
                    || inspection.type() == FileType.IMAGE);
            return kind == DocumentKind.OTHER && scanOrPdf
                    ? new Reviewed(part, inspection, DocumentKind.SUPPORTING_DOCUMENT) : this;
        }
    }

    private record Stored(Reviewed reviewed, long partId) {
    }
}
